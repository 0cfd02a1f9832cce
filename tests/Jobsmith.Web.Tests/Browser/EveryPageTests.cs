using Jobsmith.Core.Data;
using Jobsmith.Web.Hosting;
using Jobsmith.Web.Tests.Support;
using Microsoft.Playwright;

namespace Jobsmith.Web.Tests.Browser;

/// <summary>
/// R3 security headers on every kind of response, and every page working under the Content-Security-Policy in a
/// real browser (no CSP violation, no script error) at desktop and phone width (M1, M2).
/// </summary>
public sealed class EveryPageTests(WebAppFixture fixture) : IClassFixture<WebAppFixture>
{
    private const float SlowMachineTimeout = 60_000;

    private static readonly string[] SignedOutPages = ["/", "/login", "/register", "/forgot-password", "/reset-password", "/about", "/no-such-page"];

    private static readonly string[] SignedInPages =
    [
        "/dashboard", "/profile", "/onboarding/welcome", "/onboarding/goals", "/onboarding/experience", "/onboarding/education",
        "/onboarding/work-history", "/onboarding/resume", "/onboarding/done", "/jobs", "/jobs/add", "/jobs/searches", "/matches",
        "/admin", "/admin/sources", "/agent/queue", "/about", "/error",
    ];

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
    public async Task Every_page_runs_under_the_content_security_policy_at_desktop_and_phone_width()
    {
        var app = await fixture.AppAsync(DatabaseProviders.Sqlite);
        await using var chromium = await ChromiumSession.StartAsync();
        await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseAddress.ToString() });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(SlowMachineTimeout);
        page.SetDefaultNavigationTimeout(SlowMachineTimeout);
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && !message.Text.Contains("status of 404") && !message.Text.Contains("status of 500")) problems.Add($"{page.Url}: {message.Text}");
        };
        page.PageError += (_, error) => problems.Add($"{page.Url}: {error}");

        await VisitAllAsync(page, SignedOutPages, problems);

        await page.GotoAsync("/login");
        await page.GetByLabel("Email").FillAsync(JobsmithWebApp.AdminEmail);
        await page.GetByLabel("Password").FillAsync(JobsmithWebApp.AdminPassword);
        await page.GetByLabel("Password").PressAsync("Enter");
        await page.WaitForURLAsync(url => !url.Contains("/login"));
        await VisitAllAsync(page, SignedInPages, problems);

        Assert.Empty(problems);
    }

    private static async Task VisitAllAsync(IPage page, IEnumerable<string> paths, List<string> problems)
    {
        foreach (var path in paths)
        {
            foreach (var width in new[] { 1280, 390 })
            {
                await page.SetViewportSizeAsync(width, 844);
                await page.GotoAsync(path);
                await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
                var (scrollWidth, innerWidth) = (await page.EvaluateAsync<int>("document.documentElement.scrollWidth"), await page.EvaluateAsync<int>("window.innerWidth"));
                if (scrollWidth > innerWidth) problems.Add($"{path} overflows at {width}px: scrollWidth {scrollWidth}");
            }
        }
    }
}
