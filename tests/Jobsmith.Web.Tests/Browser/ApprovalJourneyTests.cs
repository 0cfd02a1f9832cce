using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Jobsmith.Core.Data;
using Jobsmith.Core.Matching.Store;
using Jobsmith.Tests.Applications.Channels;
using Jobsmith.Tests.TestSupport;
using Jobsmith.Web.Tests.Documents;
using Jobsmith.Web.Tests.Jobs;
using Jobsmith.Web.Tests.Matching;
using Jobsmith.Web.Tests.Support;
using Microsoft.Playwright;

namespace Jobsmith.Web.Tests.Browser;

/// <summary>
/// F2, F3, F7 in Chromium: a candidate opens the approval queue, approves a prepared application, and watches it go
/// out through the real submission worker and browser form channel to a local application site, then reads its proof
/// on the application page — at desktop and phone width. The site must have received it exactly once.
/// </summary>
public sealed class ApprovalJourneyTests
{
    private const float SlowMachineTimeout = 90_000;

    [SkippableFact]
    public async Task A_candidate_approves_a_draft_and_watches_it_reach_submitted_with_its_proof()
    {
        BrowserFormFixture.RequireChromium();
        await using var sites = await ApplicationSites.StartAsync();
        var form = PlainFormSite.Install(sites, 1);
        var database = await TestDatabase.CreateAsync(DatabaseProviders.Sqlite);
        // The worker looks for due sends every second here (every 15 by default) so the test does not wait on it.
        await using var app = new JobsmithWebApp(database, new Dictionary<string, string?> { ["Submissions:PollSeconds"] = "1" });
        await JobSeed.ImportAsync(app.Services, $$$"""
            [{"title": "Senior Rust Engineer", "company": "Crashtest 1", "type": "Full-time", "date": "2026-11-01", "remote": "Full",
              "description": "Build a database in Rust.", "meta": {"canonical": "{{{form}}}"}}]
            """);
        var email = ApiCalls.UniqueEmail("approval");
        var application = await PreparedAsync(app, email);

        await using var chromium = await ChromiumSession.StartAsync();
        await using var browser = await SignedInBrowser.SignInAsync(chromium.Browser, app.BaseAddress, email, ApiCalls.Password, SlowMachineTimeout);
        var (context, page, problems) = (browser.Context, browser.Page, browser.Problems);

        await page.GotoAsync("/applications");
        Assert.Contains("Senior Rust Engineer", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync(new() { Path = ChromiumSession.ScreenshotPath("approval-queue-desktop"), FullPage = true });
        // A double-click: the second post finds it approved already and the page says so, never an error page.
        var approve = page.GetByRole(AriaRole.Button, new() { Name = "Approve" }).First;
        await approve.DblClickAsync();
        await page.WaitForURLAsync(url => url.Contains("done=approved", StringComparison.Ordinal) || url.Contains("error=", StringComparison.Ordinal));

        // The worker sends it through the form site; the application page shows it sent, with the screenshots.
        await page.GotoAsync($"/applications/{application}");
        for (var look = 0; look < 120 && !(await page.Locator("main").InnerTextAsync()).Contains("Applied", StringComparison.Ordinal); look++)
        {
            await Task.Delay(1000);
            await page.ReloadAsync();
        }
        var main = await page.Locator("main").InnerTextAsync();
        Assert.Contains("Applied", main, StringComparison.Ordinal);
        Assert.True(await page.Locator("main img[src*='/proof/']").CountAsync() >= 1, "no proof screenshot on the application page");
        await page.ScreenshotAsync(new() { Path = ChromiumSession.ScreenshotPath("application-sent-desktop"), FullPage = true });
        await page.SetViewportSizeAsync(390, 844);
        await page.ReloadAsync();
        var (scrollWidth, innerWidth) = (await page.EvaluateAsync<int>("document.documentElement.scrollWidth"), await page.EvaluateAsync<int>("window.innerWidth"));
        Assert.True(scrollWidth <= innerWidth, $"the application page overflows at 390px: {scrollWidth} > {innerWidth}");
        await page.ScreenshotAsync(new() { Path = ChromiumSession.ScreenshotPath("application-sent-phone"), FullPage = true });

        var received = Assert.Single(sites.ReceivedBy(PlainFormSite.Site(1)));
        Assert.Equal("Ada Stone", received.Fields["name"].Single());
        Assert.True(received.Files["resume"].Content.Length > 1000, "the uploaded resume is empty");
        Assert.Empty(problems);
    }

    /// <summary>A candidate matched with the one seeded posting, its application prepared and waiting for approval.</summary>
    private static async Task<Guid> PreparedAsync(JobsmithWebApp app, string email)
    {
        using var client = app.CreateApiClient();
        var auth = await client.RegisterAsync(email);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", auth.AccessToken);
        using (var upload = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(MatchApiTests.Resume)), "file", "resume.txt" } })
            Assert.Equal(HttpStatusCode.Created, (await client.PostAsync("/api/candidates/resume/upload", upload)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync("/api/candidates/preferences", new { titles = new[] { "Software Engineer" }, remotePreference = "any" })).StatusCode);
        using var ran = await client.PostAsJsonAsync("/api/matches/run", new { top = 5 });
        var run = await ran.Content.ReadFromJsonAsync<MatchRun>(DocumentScenario.Json);
        var posting = run!.Matches.Single(m => m.Title == "Senior Rust Engineer").PostingId;
        using var created = await client.PostAsJsonAsync("/api/applications", new { postingId = posting });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<Jobsmith.Core.Applications.ApplicationView>(DocumentScenario.Json))!.Id;
    }
}
