using System.Text;
using Microsoft.Playwright;

namespace Jobsmith.Web.Tests.Browser;

/// <summary>A page to visit, the status its document answers with, and a name for its screenshots.</summary>
public sealed record PageVisit(string Path, string Name, int Status = 200);

/// <summary>A known accessibility violation tolerated for now, on one page and one rule, with the reason and who owns the fix.</summary>
public sealed record AllowedViolation(string PathPrefix, string RuleId, string Reason);

/// <summary>
/// One signed-in (or signed-out) browser context that visits pages and records everything a user or an auditor would
/// object to (M1, M2): script errors, Content-Security-Policy violations, failed requests (icons included),
/// horizontal overflow and serious or critical axe-core violations, at desktop and phone size, saving a screenshot of each.
/// </summary>
internal sealed class PageAudit : IAsyncDisposable
{
    private const float SlowMachineTimeout = 60_000;

    /// <summary>The rule name the allow-list uses for a page wider than the viewport.</summary>
    public const string HorizontalOverflow = "horizontal-overflow";

    // Desktop and phone: the sizes the issue names (1280×800, 390×844).
    private static readonly (int Width, int Height, string Name)[] Viewports = [(1280, 800, "desktop"), (390, 844, "phone")];

    // Chromium reports every 4xx/5xx in the console too; responses are judged below, where the expected status is known.
    private const string StatusConsoleMessage = "Failed to load resource: the server responded with a status of";

    private readonly IBrowserContext _context;
    private readonly IPage _page;
    private readonly string _role;
    private readonly List<string> _problems;
    private readonly StringBuilder _report;
    private readonly IReadOnlyList<AllowedViolation> _allowed;
    private readonly HashSet<string> _checkedIcons = [];
    private readonly Dictionary<string, TimeSpan> _spent = [];
    private PageVisit _visit = new("/", "start");
    private string _where = "";

    private PageAudit(IBrowserContext context, IPage page, string role, List<string> problems, StringBuilder report, IReadOnlyList<AllowedViolation> allowed)
    {
        (_context, _page, _role, _problems, _report, _allowed) = (context, page, role, problems, report, allowed);
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && !message.Text.StartsWith(StatusConsoleMessage, StringComparison.Ordinal)) Problem($"{_where}: console error: {message.Text}");
        };
        page.PageError += (_, error) => Problem($"{_where}: script error: {error}");
        page.Response += (_, response) =>
        {
            var expected = response.Request.IsNavigationRequest && response.Request.Frame == _page.MainFrame && IsFinal(response) ? _visit.Status : 200;
            if (response.Status >= 400 && response.Status != expected) Problem($"{_where}: {response.Request.Method} {response.Url} answered {response.Status}");
        };
        // A navigation aborts the notification stream of the page it leaves: that is the browser tidying up, not a failure.
        page.RequestFailed += (_, request) =>
        {
            if (request.Failure != "net::ERR_ABORTED") Problem($"{_where}: {request.Method} {request.Url} failed: {request.Failure}");
        };
    }

    public IPage Page => _page;

    // Browser events arrive on Playwright's threads while the audit itself is adding problems.
    private void Problem(string line)
    {
        lock (_problems) _problems.Add(line);
    }

    public static async Task<PageAudit> OpenAsync(IBrowser browser, Uri baseAddress, string role, List<string> problems, StringBuilder report, IReadOnlyList<AllowedViolation> allowed)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = Viewports[0].Width, Height = Viewports[0].Height },
        });
        // Chromium logs CSP violations to the console already; the event names the directive and what it blocked.
        // Init scripts run through the DevTools protocol, so the policy under test does not block this one.
        await context.AddInitScriptAsync(
            "document.addEventListener('securitypolicyviolation', e => console.error('CSP violation: ' + e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline code') + ' in ' + e.sourceFile + ':' + e.lineNumber));");
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(SlowMachineTimeout);
        page.SetDefaultNavigationTimeout(SlowMachineTimeout);
        return new PageAudit(context, page, role, problems, report, allowed);
    }

    public async Task SignInAsync(string email, string password)
    {
        _where = $"{_role} signing in";
        await _page.GotoAsync("/login");
        await _page.GetByLabel("Email").FillAsync(email);
        await _page.GetByLabel("Password").FillAsync(password);
        await _page.GetByLabel("Password").PressAsync("Enter");
        await _page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal));
    }

    /// <summary>The system colour scheme: with no saved choice, the app follows it (theme.js).</summary>
    public Task UseThemeAsync(string theme) =>
        _page.EmulateMediaAsync(new PageEmulateMediaOptions { ColorScheme = theme == "dark" ? ColorScheme.Dark : ColorScheme.Light });

    /// <summary>Visits the page at desktop size and, unless <paramref name="phoneToo"/> is false, at phone size.</summary>
    public async Task VisitAsync(PageVisit visit, string theme, bool phoneToo = true)
    {
        _visit = visit;
        _where = $"{_role} {theme} {visit.Path}";
        await _page.SetViewportSizeAsync(Viewports[0].Width, Viewports[0].Height);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var response = await _page.GotoAsync(visit.Path);
        Spent("load", clock);
        await _page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Spent("network idle", clock);
        if (response is null || response.Status != visit.Status) Problem($"{_where}: expected status {visit.Status}, got {response?.Status}");
        var applied = await _page.EvaluateAsync<string>("document.documentElement.getAttribute('data-bs-theme')");
        if (applied != theme) Problem($"{_where}: data-bs-theme is {applied}, expected {theme}");
        await CheckIconsAsync();
        Spent("icons", clock);

        foreach (var (width, height, size) in phoneToo ? Viewports : Viewports[..1])
        {
            var where = $"{_where} {size}";
            await _page.SetViewportSizeAsync(width, height);
            var (scrollWidth, innerWidth) = (await _page.EvaluateAsync<int>("document.documentElement.scrollWidth"), await _page.EvaluateAsync<int>("window.innerWidth"));
            if (scrollWidth > innerWidth) Judge(HorizontalOverflow, true, $"{where}: overflows horizontally, scrollWidth {scrollWidth} > {innerWidth}: {await WidestAsync()}");
            Spent("resize and overflow", clock);
            await AxeAsync(where, theme);
            Spent("axe", clock);
            // Full-page screenshots are the costliest step; the dark theme keeps the first screen, the light one the whole page.
            await _page.ScreenshotAsync(new PageScreenshotOptions { Path = ChromiumSession.ScreenshotPath($"page-{_role}-{visit.Name}-{theme}-{size}"), FullPage = theme == "light" });
            Spent("screenshot", clock);
        }
    }

    // Where the audit's time goes, per step, for the report: the audit is the suite's longest test.
    private void Spent(string step, System.Diagnostics.Stopwatch clock)
    {
        _spent[step] = _spent.GetValueOrDefault(step) + clock.Elapsed;
        clock.Restart();
    }

    /// <summary>Seconds spent per step of the visits so far, longest first.</summary>
    public string TimeSpent => string.Join(", ", _spent.OrderByDescending(s => s.Value).Select(s => $"{s.Key} {s.Value.TotalSeconds:F1} s"));

    /// <summary>Every icon the page declares loads as an image (browsers fetch them outside the page's own requests).</summary>
    private async Task CheckIconsAsync()
    {
        var icons = await _page.EvaluateAsync<string[]>("[...document.querySelectorAll('link[rel~=icon]')].map(l => l.href)");
        if (icons.Length == 0) Problem($"{_where}: no icon link");
        foreach (var icon in icons.Where(_checkedIcons.Add))
        {
            var response = await _context.APIRequest.GetAsync(icon);
            var type = response.Headers.TryGetValue("content-type", out var t) ? t : "";
            if (response.Status != 200 || !type.StartsWith("image/", StringComparison.Ordinal)) Problem($"{_where}: icon {icon} answered {response.Status} {type}");
        }
    }

    // The dark theme changes colours only: the markup, labels and landmarks are the light theme's, checked there. Running
    // just the colour rules in the dark theme halves the audit's axe time on two cores and checks nothing less.
    private static readonly string[] ColourRules = ["color-contrast", "link-in-text-block"];

    private async Task AxeAsync(string where, string theme)
    {
        foreach (var violation in await InPageAxe.ViolationsAsync(_page, theme == "dark" ? ColourRules : null))
        {
            var nodes = string.Join(" | ", violation.Nodes.Select(Shorten));
            var line = $"{where}: axe {violation.Id} ({violation.Impact}, {violation.NodeCount} nodes): {violation.Help}: {nodes}";
            Judge(violation.Id, violation.Impact is "serious" or "critical", line);
        }
    }

    /// <summary>A problem fails the test unless it is below the bar or on the allow-list; either way the report keeps it.</summary>
    private void Judge(string ruleId, bool serious, string line)
    {
        var allowed = _allowed.FirstOrDefault(a => _visit.Path.StartsWith(a.PathPrefix, StringComparison.Ordinal) && a.RuleId == ruleId);
        if (!serious) _report.AppendLine("below the bar: " + line);
        else if (allowed is not null) _report.AppendLine($"allowed for now ({allowed.Reason}): {line}");
        else Problem(line);
    }

    /// <summary>Names the elements that stick out past the viewport, so an overflow failure points at its cause.</summary>
    private Task<string> WidestAsync() => _page.EvaluateAsync<string>(
        "[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)" +
        ".slice(-3).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + '.' + [...e.classList].join('.') + ' ' + Math.round(e.getBoundingClientRect().right) + 'px').join(', ')");

    // Whether this response ends its navigation (a redirect's 302 is followed by the page it points to).
    private static bool IsFinal(IResponse response) => response.Status is < 300 or >= 400;

    private static string Shorten(string html) => html.Length <= 160 ? html : html[..160] + "…";

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}
