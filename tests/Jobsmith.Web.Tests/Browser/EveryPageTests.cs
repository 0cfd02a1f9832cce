using System.Diagnostics;
using System.Net;
using System.Text;
using Jobsmith.Core.Data;
using Jobsmith.Core.Profiles.Store;
using Jobsmith.Web.Hosting;
using Jobsmith.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Jobsmith.Web.Tests.Browser;

/// <summary>
/// R3 security headers on every kind of response, and every page for every role in a real browser (M1, M2): light theme
/// at desktop and phone size, dark theme at desktop size (and the phone shell), with no script error, CSP violation, failed request, horizontal overflow or
/// serious accessibility violation (axe-core). Screenshots and a report land in TestResults/screenshots.
/// </summary>
public sealed class EveryPageTests(WebAppFixture fixture, ITestOutputHelper output) : IClassFixture<WebAppFixture>
{
    [SkippableTheory]
    [InlineData("/")]
    [InlineData("/login")]
    [InlineData("/no-such-page")]
    [InlineData("/css/site.css")]
    [InlineData("/api/jobs")]
    [InlineData("/health/live")]
    public async Task Every_kind_of_response_carries_the_security_headers(string path)
    {
        var app = await fixture.AppAsync(DatabaseProviders.Sqlite);
        using var client = app.CreateApiClient();
        using var response = await client.GetAsync(path);
        var headers = response.Headers.Concat(response.Content.Headers).ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, headers["Content-Security-Policy"]);
        Assert.DoesNotContain("'unsafe-inline'", headers["Content-Security-Policy"].Split(';').Single(d => d.Trim().StartsWith("script-src", StringComparison.Ordinal)));
        Assert.Contains("frame-ancestors 'none'", headers["Content-Security-Policy"]);
        Assert.Equal("nosniff", headers["X-Content-Type-Options"]);
        Assert.Equal("DENY", headers["X-Frame-Options"]);
        Assert.Equal("strict-origin-when-cross-origin", headers["Referrer-Policy"]);
        // Plain HTTP on loopback: HSTS would be ignored by browsers and must not be sent.
        Assert.False(headers.ContainsKey("Strict-Transport-Security"));
    }

    [SkippableFact]
    public async Task Every_page_for_every_role_is_clean_in_both_themes_at_desktop_and_phone_size()
    {
        var clock = Stopwatch.StartNew();
        var app = await fixture.AppAsync(DatabaseProviders.Sqlite);
        await using var chromium = await ChromiumSession.StartAsync();
        using var client = app.CreateApiClient();
        var candidate = await CandidateSeed.CreateAsync(app);
        var interviewed = await TrackingSeedAsync(app, candidate);
        var agentEmail = ApiCalls.UniqueEmail("agent");
        await PromoteToAgentAsync(client, agentEmail);
        // Each role and theme in its own browser context, a few at a time: most of a visit is waiting for the page to settle,
        // so overlapping them keeps the suite inside its time budget on two cores without checking less. The candidate's
        // many pages are split in two contexts and the longest audits start first, so no single audit is left running
        // alone at the end.
        var audits = new[]
        {
            ("signed-out", ((string, string)?)null, SignedOutPages()),
            ("candidate", (candidate.Email, ApiCalls.Password), CandidatePages(candidate, interviewed)),
            ("agent", (agentEmail, ApiCalls.Password), AgentPages()),
            ("admin", (JobsmithWebApp.AdminEmail, JobsmithWebApp.AdminPassword), AdminPages(interviewed)),
        }.SelectMany(a => a.Item3.Chunk(CandidatePagesPerAudit).Select((pages, part) => (Role: a.Item1, Account: a.Item2, Pages: pages, Part: part + 1)))
         .SelectMany(a => Themes.Select(theme => (a.Role, a.Account, a.Pages, a.Part, Theme: theme)))
         .OrderByDescending(a => a.Pages.Length * (a.Theme == "light" ? 2 : 1))
         .ToArray();
        using var gate = new SemaphoreSlim(ConcurrentAudits);
        var results = await Task.WhenAll(audits.Select(async a =>
        {
            await gate.WaitAsync();
            try { return await AuditAsync(chromium, app, a.Role, a.Account, a.Pages, a.Theme, a.Part); }
            finally { gate.Release(); }
        }));
        var problems = results.SelectMany(r => r.Problems).ToList();
        var report = new StringBuilder();
        foreach (var result in results) report.Append(result.Report);

        report.Insert(0, $"{problems.Count} problems in {clock.Elapsed.TotalSeconds:F0} s{Environment.NewLine}{string.Join(Environment.NewLine, problems)}{Environment.NewLine}");
        await File.WriteAllTextAsync(ReportPath, report.ToString());
        output.WriteLine(report.ToString());
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    private static string ReportPath => Path.Combine(Path.GetDirectoryName(ChromiumSession.ScreenshotPath("report"))!, "every-page-report.txt");

    /// <summary>The theme toggle switches the theme and the choice outlives the page.</summary>
    private static async Task AssertThemeToggleWorksAsync(PageAudit audit, List<string> problems)
    {
        var page = audit.Page;
        await page.SetViewportSizeAsync(1280, 800);
        await page.GotoAsync("/about");
        var before = await page.EvaluateAsync<string>("document.documentElement.getAttribute('data-bs-theme')");
        await page.Locator("[data-theme-toggle]:visible").First.ClickAsync();
        await page.ReloadAsync();
        var after = await page.EvaluateAsync<string>("document.documentElement.getAttribute('data-bs-theme')");
        if (before == after) lock (problems) problems.Add($"the theme toggle left the theme at {after}");
        await page.EvaluateAsync("localStorage.removeItem('jobsmith-theme')");
    }

    private static readonly string[] Themes = ["light", "dark"];

    private const int ConcurrentAudits = 3;

    // The candidate has three times the pages of any other role.
    private const int CandidatePagesPerAudit = 15;

    private static async Task<(List<string> Problems, StringBuilder Report)> AuditAsync(ChromiumSession chromium, JobsmithWebApp app, string role,
        (string Email, string Password)? account, PageVisit[] pages, string theme, int part)
    {
        // Browser events arrive on other threads; the lists are read only after the audit is disposed.
        var problems = new List<string>();
        var report = new StringBuilder();
        await using (var audit = await PageAudit.OpenAsync(chromium.Browser, app.BaseAddress, role, problems, report, Allowed))
        {
            if (account is { } a) await audit.SignInAsync(a.Email, a.Password);
            if (theme == "light" && part == 1 && role is "signed-out" or "candidate") await AssertThemeToggleWorksAsync(audit, problems);
            await audit.UseThemeAsync(theme);
            var first = true;
            foreach (var page in pages)
            {
                // The phone layout moves things, it does not recolour them: in the dark theme the one surface only a phone
                // shows is the app shell's top bar, checked on each role's first page; every page's phone layout is checked
                // in the light theme. This keeps the audit inside the suite's time budget on two cores.
                await audit.VisitAsync(page, theme, phoneToo: theme == "light" || first);
                first = false;
                // Written as it goes, so a long run can be read (and its screenshots matched) before it ends.
                await File.WriteAllLinesAsync(ProgressPath(role, theme, part), SnapshotOf(problems));
            }
            report.AppendLine($"{role} {theme} part {part}, {pages.Length} pages: {audit.TimeSpent}");
        }
        return (problems, report);
    }

    private static string ProgressPath(string role, string theme, int part) =>
        Path.Combine(Path.GetDirectoryName(ReportPath)!, $"every-page-progress-{role}-{theme}-{part}.txt");

    private static string[] SnapshotOf(List<string> problems)
    {
        lock (problems) return [.. problems];
    }

    private static async Task PromoteToAgentAsync(HttpClient client, string email)
    {
        var admin = await client.LoginAsync(JobsmithWebApp.AdminEmail, JobsmithWebApp.AdminPassword);
        var agent = await client.RegisterAsync(email);
        using var promote = await client.SendJsonAsync(HttpMethod.Put, $"/api/admin/users/{agent.User.Id}/roles", admin.AccessToken, new { roles = new[] { "human_agent" } });
        Assert.Equal(HttpStatusCode.OK, promote.StatusCode);
    }

    private static PageVisit[] SignedOutPages() =>
    [
        new("/", "home"), new("/login", "login"), new("/register", "register"), new("/forgot-password", "forgot-password"),
        new("/reset-password", "reset-password"), new("/about", "about"), new("/no-such-page", "not-found", 404),
        new("/dashboard", "dashboard-redirects-to-login"),
    ];

    /// <summary>An application with an interview and a weekly report (G4, G5), so those pages show data; returns the application.</summary>
    private static async Task<Guid> TrackingSeedAsync(JobsmithWebApp app, CandidateSeed seed)
    {
        var application = await Tracking.TrackingApiTests.AppliedAsync(app, seed);
        await using var scope = app.Services.CreateAsyncScope();
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var scheduled = await scope.ServiceProvider.GetRequiredService<Jobsmith.Core.Interviews.InterviewService>().ScheduleAsync(seed.UserId, application,
            new Jobsmith.Core.Interviews.InterviewInput(clock.Date.AddDays(3).AddHours(10), "Europe/Berlin", 45, "Lumen Data GmbH, Torstraße 109, 10119 Berlin", "https://meet.google.com/abc-defg-hij"),
            Jobsmith.Core.Interviews.InterviewSources.Manual, CancellationToken.None);
        Assert.Equal(Jobsmith.Core.Interviews.InterviewOutcome.Done, scheduled.Outcome);
        Assert.NotNull(await scope.ServiceProvider.GetRequiredService<Jobsmith.Core.Reports.WeeklyReports>().GenerateNowAsync(seed.UserId, CancellationToken.None));
        return application;
    }

    private static PageVisit[] CandidatePages(CandidateSeed seed, Guid interviewed) =>
    [
        new($"/applications/{interviewed}", "application-interview"), new("/inbox", "inbox"), new("/interviews", "interviews"), new("/reports", "reports"),
        new("/dashboard", "dashboard"), new("/profile", "profile"), new("/plan", "plan"), new("/settings", "settings"), new("/applications", "applications"), new("/applications?tab=sent", "applications-sent"),
        .. OnboardingSteps.All.Select(step => new PageVisit($"/onboarding/{step}", $"onboarding-{step}")),
        new("/jobs", "jobs"), new($"/jobs/{seed.MatchedPostingId}", "job-detail"), new("/jobs/add", "jobs-add"), new("/jobs/searches", "job-searches"),
        new("/matches", "matches"), new($"/matches?id={seed.MatchedPostingId}", "match-detail"), new("/matches?view=rated", "matches-rated"),
        new("/about", "about"), new("/admin", "admin-denied"), new("/no-such-page", "not-found", 404),
    ];

    private static PageVisit[] AgentPages() =>
        [new("/dashboard", "dashboard"), new("/agent/queue", "queue"), new("/jobs", "jobs"), new("/about", "about")];

    private static PageVisit[] AdminPages(Guid application) =>
    [
        new("/dashboard", "dashboard"), new("/admin", "admin"), new("/admin/sources", "sources"), new("/admin/agents", "human-agents"), new("/agent/queue", "queue"),
        new($"/admin/applications/{application}", "application"), new("/admin/monitoring", "monitoring"), new("/admin/candidates", "candidates"),
        new("/jobs", "jobs"), new("/jobs/add", "jobs-add"), new("/jobs/searches", "job-searches"), new("/settings", "settings"), new("/error", "error"),
        new("/access-denied", "access-denied"), new("/no-such-page", "not-found", 404),
    ];

    /// <summary>
    /// Temporary exceptions, each with its page, rule and reason, for a page being rebuilt elsewhere; none today:
    /// everything found is fixed at its root rather than listed here.
    /// </summary>
    private static readonly AllowedViolation[] Allowed = [];
}
