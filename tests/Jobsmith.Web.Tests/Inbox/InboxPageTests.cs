using Jobsmith.Core.Applications;
using Jobsmith.Core.Data;
using Jobsmith.Core.Inbox;
using Jobsmith.Web.Tests.Browser;
using Jobsmith.Web.Tests.Support;
using Jobsmith.Web.Tests.Tracking;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Jobsmith.Web.Tests.Inbox;

/// <summary>
/// G2 in Chromium: a reply Jobsmith could not place waits in the inbox; the candidate files it under the application
/// it answers, the application moves, and the reply is shown on the application page. Desktop and phone width.
/// </summary>
public sealed class InboxPageTests(WebAppFixture fixture) : IClassFixture<WebAppFixture>
{
    private const float SlowMachineTimeout = 60_000;

    [SkippableFact]
    public async Task A_candidate_files_an_unplaced_reply_and_finds_it_on_the_application_page()
    {
        var app = await fixture.AppAsync(DatabaseProviders.Sqlite);
        var seed = await CandidateSeed.CreateAsync(app);
        var application = await TrackingApiTests.AppliedAsync(app, seed);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var raw = """
                From: Jo <jo.recruits@gmail.com>
                To: candidate@example.com
                Subject: Quick chat?
                Message-ID: <quick-chat-1@gmail.com>
                Content-Type: text/plain; charset=utf-8

                We would like to invite you to an interview. When are you free this week?
                """u8.ToArray();
            var imported = await scope.ServiceProvider.GetRequiredService<InboxService>().ImportAsync(seed.UserId, raw, InboundSources.Upload, CancellationToken.None);
            Assert.Null(imported.Email!.ApplicationId);
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
        await page.GetByLabel("Email").FillAsync(seed.Email);
        await page.GetByLabel("Password").FillAsync(ApiCalls.Password);
        await page.GetByLabel("Password").PressAsync("Enter");
        await page.WaitForURLAsync("**/dashboard");
        await page.GetByRole(AriaRole.Link, new() { Name = "Inbox", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/inbox");

        var toFile = page.Locator("#to-file");
        await toFile.GetByText("Quick chat?").WaitForAsync();
        await toFile.GetByText("Interview invitation").WaitForAsync();
        await page.ScreenshotAsync(new() { Path = ChromiumSession.ScreenshotPath("inbox-to-file"), FullPage = true });
        await toFile.GetByLabel("It answers").SelectOptionAsync(application.ToString());
        await toFile.GetByRole(AriaRole.Button, new() { Name = "File it" }).ClickAsync();
        await page.WaitForURLAsync("**/inbox?filed=1");
        Assert.Equal(0, await page.Locator("#to-file").CountAsync());
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.Equal(ApplicationStates.Interview, (await db.Set<JobApplication>().AsNoTracking().SingleAsync(a => a.Id == application)).State);
        }

        await page.Locator($"a[href='/applications/{application}#replies']").ClickAsync();
        await page.Locator("#replies").GetByText("Quick chat?").WaitForAsync();
        await page.Locator("#replies summary").ClickAsync();
        await page.Locator("#replies pre").GetByText("When are you free this week?").WaitForAsync();
        await page.SetViewportSizeAsync(390, 844);
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the application page overflows at phone width");
        await page.ScreenshotAsync(new() { Path = ChromiumSession.ScreenshotPath("application-replies-phone"), FullPage = true });
    }
}
