using System.Net;
using System.Text.Json;
using Jobsmith.Core.Applications;
using Jobsmith.Core.Data;
using Jobsmith.Tests.Applications.Channels;
using Jobsmith.Tests.TestSupport;
using Jobsmith.Web.Tests.Browser;
using Jobsmith.Web.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Jobsmith.Web.Tests.EndToEnd;

/// <summary>
/// The whole first run (K3) through the real web host and Chromium, nothing stubbed: a candidate onboards with the demo
/// resume (A3, B1), imports the demo feed (C1), finds matches (D2), prepares and approves an application (E1, F2); the
/// submission worker sends it through the browser form channel to a form site on loopback (F3, F7); the employer's
/// reply arrives through the Postmark inbound webhook (G2) and moves it to "interview"; the weekly report written for
/// the week names it (G4). A screenshot of each stage is saved.
/// </summary>
public sealed class CoreLoopTests(ITestOutputHelper output)
{
    // Generous: the machine that runs the suite may be running three other builds.
    private const float PageTimeout = 120_000;
    private static readonly TimeSpan SendTimeout = TimeSpan.FromMinutes(4);

    private static readonly Dictionary<string, string?> Settings = new(EmployerReply.Settings)
    {
        // The worker looks for due sends every second (every 15 by default) so the test does not wait on it.
        ["Submissions:PollSeconds"] = "1",
        ["Channels:BrowserForm:NavigationTimeout"] = "00:01:30",
        ["Channels:BrowserForm:ActionTimeout"] = "00:00:45",
        ["Channels:BrowserForm:ConfirmationTimeout"] = "00:01:30",
    };

    [SkippableFact]
    public async Task K3_onboarding_to_an_interview_in_the_weekly_report_through_the_api_and_chromium()
    {
        BrowserFormFixture.RequireChromium();
        await using var sites = await ApplicationSites.StartAsync();
        var form = PlainFormSite.Install(sites, 1);
        await using var database = await TestDatabase.CreateAsync(DatabaseProviders.Sqlite);
        await using var app = new JobsmithWebApp(database, Settings);
        using var client = app.CreateApiClient();
        var email = ApiCalls.UniqueEmail("end-to-end");
        var token = (await client.RegisterAsync(email)).AccessToken;

        await using var chromium = await ChromiumSession.StartAsync();
        await using var browser = await SignedInBrowser.SignInAsync(chromium.Browser, app.BaseAddress, email, ApiCalls.Password, PageTimeout);
        var page = browser.Page;
        var shots = new StageShots(page, output);

        await OnboardAsync(page, shots);
        await ImportAsync(page, shots, form);
        var postingId = await FindMatchAsync(page, shots);
        var application = await ApproveAsync(page, shots, postingId);

        // F3: the worker sends it through the form channel; the site must have received it exactly once.
        await ApplicationWatch.WaitForStateAsync(client, token, application, ApplicationStates.Applied, SendTimeout);
        var received = Assert.Single(sites.ReceivedBy(PlainFormSite.Site(1)));
        Assert.Equal((DemoFeed.ResumeName, DemoFeed.ResumeEmail), (received.Field("name"), received.Field("email")));
        Assert.True(received.Files["resume"].Content.Length > 1000, "the uploaded resume is empty");
        await page.GotoAsync($"/applications/{application}");
        await page.Locator("main").GetByText("Applied", new() { Exact = true }).First.WaitForAsync();
        Assert.True(await page.Locator("main img[src*='/proof/']").CountAsync() >= 1, "no proof screenshot on the application page");
        await shots.TakeAsync("sent-with-proof");

        // G2: the reply is placed by the sender's domain and the title; no thread header ties it to the send.
        var subject = $"Interview invitation: {DemoFeed.FormTitle}";
        await EmployerReply.SendInterviewInvitationAsync(client, token, subject);
        await ApplicationWatch.WaitForStateAsync(client, token, application, ApplicationStates.Interview, TimeSpan.FromSeconds(60));
        await page.ReloadAsync();
        await page.Locator("main").GetByText("Interview", new() { Exact = true }).First.WaitForAsync();
        await page.Locator("#replies").GetByText(subject).WaitForAsync();
        await shots.TakeAsync("interview");

        await AssertWeeklyReportAsync(client, token, page, shots, application);
        Assert.Empty(browser.Problems);
    }

    // A3, B1: the demo resume read on upload; every later step is pre-filled from it and only confirmed.
    private static async Task OnboardAsync(IPage page, StageShots shots)
    {
        await page.GotoAsync("/onboarding");
        await page.WaitForURLAsync("**/onboarding/resume");
        await page.GetByLabel("Resume file").SetInputFilesAsync(new FilePayload { Name = "mara-lindqvist.txt", MimeType = "text/plain", Buffer = DemoFeed.Resume() });
        await shots.TakeAsync("onboarding-resume");
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload and read" }).ClickAsync();
        await page.WaitForURLAsync("**/onboarding/review**");
        Assert.Equal(DemoFeed.ResumeName, await page.GetByLabel("Name", new() { Exact = true }).InputValueAsync());
        await shots.TakeAsync("onboarding-review");
        await page.GetByRole(AriaRole.Button, new() { Name = "Accept all and continue" }).First.ClickAsync();
        await page.WaitForURLAsync("**/onboarding/goals");
        Assert.Contains("Backend Engineer", await page.GetByLabel("Roles you want").InputValueAsync(), StringComparison.Ordinal);
        foreach (var next in new[] { "**/onboarding/experience", "**/onboarding/education", "**/onboarding/work-history" })
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync();
            await page.WaitForURLAsync(next);
        }
        await page.GetByRole(AriaRole.Button, new() { Name = "Looks right, continue" }).ClickAsync();
        await page.WaitForURLAsync("**/onboarding/done");
        await shots.TakeAsync("onboarding-done");
    }

    // C1: the demo feed as a CSV file through the "add postings" page, as a user with their own export would.
    private static async Task ImportAsync(IPage page, StageShots shots, Uri form)
    {
        await page.GotoAsync("/jobs/add");
        await page.GetByLabel("File (CSV").SetInputFilesAsync(new FilePayload
        {
            Name = "demo-postings.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(DemoFeed.PostingsWithFormAt(form)),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/jobs/add?fetched=**");
        var count = DemoFeed.PostingCount;
        await page.GetByText($"{count} read · {count} new · 0 updated · 0 duplicates · 0 rejected.").WaitForAsync();
        await shots.TakeAsync("postings-imported");
    }

    // D2: a match run from the matches page; the posting with the form is among the ranked matches.
    private static async Task<Guid> FindMatchAsync(IPage page, StageShots shots)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Rank them in your matches" }).ClickAsync();
        await page.WaitForURLAsync("**/matches");
        await page.GetByRole(AriaRole.Button, new() { Name = "Find new matches" }).ClickAsync();
        await page.WaitForURLAsync("**/matches?found=**");
        var item = page.Locator(".workspace-list .list-group-item").Filter(new() { HasText = DemoFeed.FormTitle });
        Assert.True(await item.CountAsync() == 1, $"\"{DemoFeed.FormTitle}\" is not among the first matches: {await page.Locator(".workspace-list").InnerTextAsync()}");
        await item.ClickAsync();
        await page.WaitForURLAsync("**/matches?**id=**");
        var detail = page.Locator("#detail");
        await detail.GetByRole(AriaRole.Heading, new() { Name = DemoFeed.FormTitle }).WaitForAsync();
        await shots.TakeAsync("matches");
        var href = await item.GetAttributeAsync("href");
        return Guid.Parse(System.Web.HttpUtility.ParseQueryString(new Uri(new Uri("http://x"), href).Query)["id"]!);
    }

    // E1, F2: "Prepare application" drafts the documents and queues it for approval; the candidate approves the card.
    private static async Task<Guid> ApproveAsync(IPage page, StageShots shots, Guid postingId)
    {
        await page.Locator("#detail").GetByRole(AriaRole.Button, new() { Name = "Prepare application" }).ClickAsync();
        await page.WaitForURLAsync($"**/documents/{postingId}?**");
        await shots.TakeAsync("drafts");

        await page.GotoAsync("/applications?tab=approval");
        var card = page.GetByRole(AriaRole.Article, new() { Name = $"{DemoFeed.FormTitle} at {DemoFeed.FormCompany}" });
        await card.WaitForAsync();
        Assert.Contains("Online form", await card.InnerTextAsync(), StringComparison.Ordinal);
        var link = await card.GetByRole(AriaRole.Link, new() { Name = DemoFeed.FormTitle }).GetAttributeAsync("href");
        var application = Guid.Parse(link!.Split('/')[^1]);
        await shots.TakeAsync("approval-queue");
        await card.GetByRole(AriaRole.Button, new() { Name = "Approve and send" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("done=approved", StringComparison.Ordinal) || url.Contains("error=", StringComparison.Ordinal));
        Assert.Contains("done=approved", page.Url, StringComparison.Ordinal);
        return application;
    }

    // G4: this week's report, written on demand through the API, counts the send and names the interview; the page shows it.
    private static async Task AssertWeeklyReportAsync(HttpClient client, string token, IPage page, StageShots shots, Guid application)
    {
        using var generated = await client.SendAsync(HttpMethod.Post, "/api/reports/generate", token);
        var body = await generated.Content.ReadAsStringAsync();
        Assert.True(generated.StatusCode == HttpStatusCode.OK, $"generating the report answered {(int)generated.StatusCode}: {body}");
        var report = JsonDocument.Parse(body).RootElement;
        Assert.Equal((1, 1), (report.GetProperty("submitted").GetInt32(), report.GetProperty("interviews").GetInt32()));
        var interview = Assert.Single(report.GetProperty("content").GetProperty("interviews").EnumerateArray());
        Assert.Equal((application, DemoFeed.FormTitle, DemoFeed.FormCompany),
            (interview.GetProperty("applicationId").GetGuid(), interview.GetProperty("title").GetString(), interview.GetProperty("company").GetString()));

        await page.GotoAsync($"/reports/{report.GetProperty("id").GetGuid()}");
        var invitations = page.Locator(".card").Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Interview invitations" }) });
        await invitations.Locator($"a[href='/applications/{application}']").WaitForAsync();
        await shots.TakeAsync("weekly-report");
    }
}
