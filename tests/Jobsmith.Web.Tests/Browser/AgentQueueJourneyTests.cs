using Jobsmith.Core.Applications.Submission;
using Jobsmith.Core.Data;
using Jobsmith.Web.Tests.HumanAgents;
using Jobsmith.Web.Tests.Support;
using Microsoft.Playwright;

namespace Jobsmith.Web.Tests.Browser;

/// <summary>F5 in a real browser: an escalation reaches the agent's queue with its screenshot; they claim it, read the material and complete it with proof.</summary>
public sealed class AgentQueueJourneyTests(WebAppFixture fixture) : IClassFixture<WebAppFixture>
{
    private const float SlowMachineTimeout = 60_000;

    [SkippableFact]
    public async Task An_agent_claims_an_escalation_and_completes_it_with_proof()
    {
        var app = await fixture.AppAsync(DatabaseProviders.Sqlite);
        await using var chromium = await ChromiumSession.StartAsync();
        using var client = app.CreateApiClient();
        var admin = (await client.LoginAsync(JobsmithWebApp.AdminEmail, JobsmithWebApp.AdminPassword)).AccessToken;
        var agent = await EscalationScenario.AgentAsync(client, admin);
        var (candidate, application) = await EscalationScenario.EscalatedAsync(app, "reCAPTCHA shown before the final submit");

        await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(SlowMachineTimeout);
        page.SetDefaultNavigationTimeout(SlowMachineTimeout);

        // The channel's screenshot of where it stopped: a real page capture saved in the data folder, as a channel saves one.
        await page.GotoAsync("/login");
        var shot = Path.Combine("proof", "escalations", $"{application:N}.png");
        Directory.CreateDirectory(Path.Combine(app.Database.Folder, "proof", "escalations"));
        await File.WriteAllBytesAsync(Path.Combine(app.Database.Folder, shot), await page.ScreenshotAsync());
        var assignment = await EscalationScenario.RouteAsync(app, candidate.UserId, application, EscalationReasons.Captcha, "reCAPTCHA shown before the final submit", shot);
        Assert.Equal(agent.Id, assignment.AgentUserId);

        await page.GetByLabel("Email").FillAsync(agent.Email);
        await page.GetByLabel("Password").FillAsync(ApiCalls.Password);
        await page.GetByLabel("Password").PressAsync("Enter");
        await page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal));
        await page.GotoAsync("/agent/queue");
        var card = page.Locator($"#a-{assignment.Id}");
        await card.WaitForAsync();
        Assert.Contains("a CAPTCHA", await card.InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await card.Locator("img.assignment-shot").EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), "the escalation screenshot did not load");
        await page.ScreenshotAsync(new() { Path = ChromiumSession.ScreenshotPath("agent-queue-desktop"), FullPage = true });
        await page.SetViewportSizeAsync(390, 844);
        await AssertNoHorizontalOverflowAsync(page, "the work queue");
        await page.ScreenshotAsync(new() { Path = ChromiumSession.ScreenshotPath("agent-queue-phone"), FullPage = true });

        await card.GetByRole(AriaRole.Button, new() { Name = "Claim" }).ClickAsync();
        await page.WaitForURLAsync($"**/agent/assignments/{assignment.Id}");
        await page.Locator("#candidate").WaitForAsync();
        await AssertNoHorizontalOverflowAsync(page, "the assignment's material");
        await page.ScreenshotAsync(new() { Path = ChromiumSession.ScreenshotPath("agent-assignment-phone"), FullPage = true });
        await page.SetViewportSizeAsync(1280, 800);

        await page.GetByLabel("What you did").FillAsync("Solved the CAPTCHA and submitted; the site showed a confirmation.");
        await page.Locator("#file").SetInputFilesAsync(new FilePayload { Name = "confirmation.png", MimeType = "image/png", Buffer = await page.ScreenshotAsync() });
        await page.GetByRole(AriaRole.Button, new() { Name = "Complete" }).ClickAsync();
        await page.WaitForURLAsync("**/agent/queue?done=completed");
        await page.Locator("text=Completed: sent").WaitForAsync();
        await page.ScreenshotAsync(new() { Path = ChromiumSession.ScreenshotPath("agent-queue-completed"), FullPage = true });

        Assert.Equal("applied", await EscalationScenario.StateAsync(app, candidate.UserId, application));
    }

    private static async Task AssertNoHorizontalOverflowAsync(IPage page, string what)
    {
        var (scrollWidth, innerWidth) = (await page.EvaluateAsync<int>("document.documentElement.scrollWidth"), await page.EvaluateAsync<int>("window.innerWidth"));
        Assert.True(scrollWidth <= innerWidth, $"{what} overflows horizontally: scrollWidth {scrollWidth} > innerWidth {innerWidth}");
    }
}
