using Jobsmith.Core.Data;
using Jobsmith.Core.Plans;
using Jobsmith.Web.Tests.Browser;
using Jobsmith.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Jobsmith.Web.Tests.Plans;

/// <summary>H1 in Chromium: the plan page shows the plan and this month's usage, upgrades and cancels (with its confirm dialog).</summary>
public sealed class PlanPageTests(PlansWebAppFixture fixture) : IClassFixture<PlansWebAppFixture>
{
    private const float SlowMachineTimeout = 60_000;

    [SkippableFact]
    public async Task A_candidate_finds_the_plan_page_in_the_menu_upgrades_and_cancels()
    {
        var app = await fixture.AppAsync(DatabaseProviders.Sqlite);
        using var client = app.CreateApiClient();
        var email = ApiCalls.UniqueEmail("planpage");
        var candidate = await client.RegisterAsync(email);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var meter = scope.ServiceProvider.GetRequiredService<UsageMeter>();
            await meter.ReserveAsync(candidate.User.Id, Guid.NewGuid(), CancellationToken.None);
            await meter.ReserveAsync(candidate.User.Id, Guid.NewGuid(), CancellationToken.None);
        }
        await using var chromium = await ChromiumSession.StartAsync();
        await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(SlowMachineTimeout);
        page.SetDefaultNavigationTimeout(SlowMachineTimeout);

        await page.GotoAsync("/login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(ApiCalls.Password);
        await page.GetByLabel("Password").PressAsync("Enter");
        await page.WaitForURLAsync("**/dashboard");
        await page.GetByRole(AriaRole.Link, new() { Name = "Plan", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/plan");

        Assert.Equal("Free", (await page.Locator("#current-plan .card-title").InnerTextAsync()).Trim());
        Assert.Equal("2 of 10", Squash(await page.Locator("#usage").InnerTextAsync()));
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Cancel plan" }).CountAsync());

        await page.Locator("[data-plan=pro]").GetByRole(AriaRole.Button, new() { Name = "Choose Pro" }).ClickAsync();
        await page.WaitForURLAsync("**/plan?changed=1");
        await page.GetByText("You are on the Pro plan now.").WaitForAsync();
        Assert.Equal("2 of 200", Squash(await page.Locator("#usage").InnerTextAsync()));
        Assert.Contains("Renews on", await page.Locator("#current-plan").InnerTextAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync(new() { Path = ChromiumSession.ScreenshotPath("plan-pro"), FullPage = true });

        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel plan" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, continue" }).ClickAsync();
        await page.WaitForURLAsync("**/plan?cancelled=1");
        Assert.Contains("Ends on", await page.Locator("#current-plan").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await page.Locator("#current-plan").GetByText("Ends at period end").CountAsync());
        await page.ScreenshotAsync(new() { Path = ChromiumSession.ScreenshotPath("plan-cancelled"), FullPage = true });
    }

    private static string Squash(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
