using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Jobsmith.Core.Data;
using Jobsmith.Core.Matching.Store;
using Jobsmith.Web.Tests.Browser;
using Jobsmith.Web.Tests.Jobs;
using Jobsmith.Web.Tests.Matching;
using Jobsmith.Web.Tests.Support;
using Microsoft.Playwright;

namespace Jobsmith.Web.Tests.Documents;

/// <summary>
/// The application workspace in Chromium (E1–E6, M2): prepare from a match, read coverage and notes, edit into a
/// flagged version that cannot be approved, keep typed text when an edit is refused, fix and approve, download,
/// at desktop and phone width with no horizontal overflow and no console errors (the CSP forbids inline script).
/// </summary>
public sealed class DocumentWorkspaceBrowserTests(WebAppFixture fixture) : IClassFixture<WebAppFixture>
{
    private const float SlowMachineTimeout = 90_000;

    [SkippableFact]
    public async Task A_candidate_prepares_edits_and_approves_an_application_in_the_workspace()
    {
        var app = await fixture.AppAsync(DatabaseProviders.Sqlite);
        await JobSeed.ImportAsync(app.Services, JobSeed.TwoJobs);
        var email = ApiCalls.UniqueEmail("documents");
        var posting = await MatchedCandidateAsync(app, email);

        await using var chromium = await ChromiumSession.StartAsync();
        await using var browser = await SignedInBrowser.SignInAsync(chromium.Browser, app.BaseAddress, email, ApiCalls.Password, SlowMachineTimeout);
        var (context, page, problems) = (browser.Context, browser.Page, browser.Problems);

        // The job page offers the action too, for a posting among the candidate's matches.
        await page.GotoAsync($"/jobs/{posting}");
        Assert.Equal(1, await page.Locator("main").GetByRole(AriaRole.Button, new() { Name = "Prepare application" }).CountAsync());

        await page.GotoAsync($"/matches?view=all&id={posting}");
        await page.Locator("#detail").GetByRole(AriaRole.Button, new() { Name = "Prepare application" }).ClickAsync();
        await page.WaitForURLAsync($"**/documents/{posting}?kind=resume");
        Assert.Equal("Senior Rust Engineer", await page.Locator("h1").InnerTextAsync());
        Assert.Contains("Rust", await page.Locator("[aria-label='Covered requirements']").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Version 1", await page.Locator(".list-group").Last.InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await page.GetByText("Why each choice was made").IsVisibleAsync());
        await AssertNoOverflowAsync(page, "workspace at 1280px");
        await page.ScreenshotAsync(new() { Path = ChromiumSession.ScreenshotPath("documents-workspace-desktop"), FullPage = true });

        // An edit that claims a skill the profile lacks: saved as version 2, flagged on its line, approval blocked.
        await page.GetByText("Edit this version").ClickAsync();
        var bullet = page.Locator("textarea").Filter(new() { HasText = "storage engine in Rust" });
        await bullet.FillAsync("• Built a storage engine in Rust and ran it on Kubernetes.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save as a new version" }).ClickAsync();
        await page.WaitForURLAsync("**done=saved-flagged**");
        Assert.Contains("Kubernetes", await page.Locator(".doc-line-flagged").InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await page.GetByText("Approval is blocked until the flagged lines are fixed.").IsVisibleAsync());
        Assert.True(await page.GetByRole(AriaRole.Button, new() { Name = "Approve this version" }).IsDisabledAsync());
        await page.ScreenshotAsync(new() { Path = ChromiumSession.ScreenshotPath("documents-workspace-flagged-desktop"), FullPage = true });

        // A refused edit (a line went missing from the form) shows the error and keeps what was typed.
        var first = page.Locator("textarea").First;
        await first.FillAsync("Ada Stone, typed by hand");
        await page.Locator("textarea").Last.EvaluateAsync("t => t.parentElement.remove()");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save as a new version" }).ClickAsync();
        await page.WaitForSelectorAsync("#edit .alert-danger");
        Assert.Contains("Send exactly", await page.Locator("#edit .alert-danger").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("Ada Stone, typed by hand", await page.Locator("textarea").First.InputValueAsync());

        // Fixing the line gives a clean version 3, which approves.
        await page.GotoAsync($"/documents/{posting}?kind=resume");
        await page.Locator("textarea").Filter(new() { HasText = "Kubernetes" }).FillAsync("• Built a storage engine in Rust.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save as a new version" }).ClickAsync();
        await page.WaitForURLAsync("**done=saved&**");
        await page.GetByRole(AriaRole.Button, new() { Name = "Approve this version" }).ClickAsync();
        await page.WaitForURLAsync("**done=approved**");
        Assert.True(await page.GetByText("Approved. This version is ready to send.").IsVisibleAsync());
        Assert.Contains("Version 3", await page.Locator(".list-group-item.active").InnerTextAsync(), StringComparison.Ordinal);

        // Downloads come from the real renderer, as attachments.
        var pdf = await page.GetByRole(AriaRole.Link, new() { Name = "PDF" }).GetAttributeAsync("href");
        var download = await context.APIRequest.GetAsync(pdf!);
        Assert.Equal((200, "application/pdf"), (download.Status, download.Headers["content-type"]));
        Assert.StartsWith("attachment", download.Headers["content-disposition"], StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Link, new() { Name = "Form answers" }).ClickAsync();
        await page.WaitForURLAsync("**kind=answers**");
        Assert.True(await page.GetByText("Needs your answer").First.IsVisibleAsync());
        await page.GetByRole(AriaRole.Link, new() { Name = "Cover letter" }).ClickAsync();
        await page.WaitForURLAsync("**kind=cover_letter**");
        Assert.Contains("Ferrous", string.Join("\n", await page.Locator(".doc-section").AllInnerTextsAsync()), StringComparison.Ordinal);

        foreach (var kind in new[] { "resume", "cover_letter" })
        {
            await page.SetViewportSizeAsync(390, 844);
            await page.GotoAsync($"/documents/{posting}?kind={kind}");
            await page.GetByText("Edit this version").ClickAsync();
            await AssertNoOverflowAsync(page, $"{kind} workspace at 390px");
            await page.ScreenshotAsync(new() { Path = ChromiumSession.ScreenshotPath($"documents-workspace-{kind}-phone"), FullPage = true });
        }
        Assert.Empty(problems);
    }

    private static async Task<Guid> MatchedCandidateAsync(JobsmithWebApp app, string email)
    {
        using var client = app.CreateApiClient();
        var auth = await client.RegisterAsync(email);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", auth.AccessToken);
        using (var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(MatchApiTests.Resume)), "file", "resume.txt" } })
            Assert.Equal(HttpStatusCode.Created, (await client.PostAsync("/api/candidates/resume/upload", form)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync("/api/candidates/preferences", new { titles = new[] { "Software Engineer" }, remotePreference = "any" })).StatusCode);
        using var ran = await client.PostAsJsonAsync("/api/matches/run", new { top = 5 });
        var run = await ran.Content.ReadFromJsonAsync<MatchRun>(DocumentScenario.Json);
        return run!.Matches.Single(m => m.Title == "Senior Rust Engineer").PostingId;
    }

    private static async Task AssertNoOverflowAsync(IPage page, string what)
    {
        var (scrollWidth, innerWidth) = (await page.EvaluateAsync<int>("document.documentElement.scrollWidth"), await page.EvaluateAsync<int>("window.innerWidth"));
        Assert.True(scrollWidth <= innerWidth, $"{what} overflows horizontally: scrollWidth {scrollWidth} > innerWidth {innerWidth}");
    }
}
