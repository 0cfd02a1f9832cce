using System.Net;
using System.Text.Json;
using Jobsmith.Core.Data;
using Jobsmith.Web.Tests.Browser;
using Jobsmith.Web.Tests.Support;
using Microsoft.Playwright;

namespace Jobsmith.Web.Tests.Tracking;

/// <summary>
/// K3 through the running app: a candidate starts their agent (a double-click starts it once), the app's own event
/// dispatcher matches and drafts their best matches into the approval queue within the daily cap, another user's
/// agent stays off, and the dashboard's buttons start, pause and stop it — in Chromium at desktop and phone size.
/// </summary>
public sealed class CandidateAgentTests(WebAppFixture fixture) : IClassFixture<WebAppFixture>
{
    [SkippableFact]
    public async Task A_started_agent_drafts_the_best_matches_for_approval_and_only_for_its_candidate()
    {
        var app = await fixture.AppAsync(DatabaseProviders.Sqlite);
        using var client = app.CreateApiClient();
        var seed = await CandidateSeed.CreateAsync(app);
        var token = (await client.LoginAsync(seed.Email)).AccessToken;
        var other = (await client.RegisterAsync(ApiCalls.UniqueEmail("bystander"))).AccessToken;

        using (var refused = await client.SendAsync(HttpMethod.Post, "/api/agents/start", token, """{"minScore":5,"draftsPerDay":100}"""))
        {
            var problem = await refused.AssertProblemAsync(HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty("minScore", out _));
            Assert.True(problem.GetProperty("errors").TryGetProperty("draftsPerDay", out _));
        }
        var starts = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ =>
            client.SendAsync(HttpMethod.Post, "/api/agents/start", token, """{"minScore":30,"draftsPerDay":2}""")));
        foreach (var start in starts)
        {
            Assert.Equal(HttpStatusCode.OK, start.StatusCode);
            Assert.Equal("running", (await Json(start)).GetProperty("state").GetString());
            start.Dispose();
        }

        // The dispatcher runs the drafter on "agent started": two drafts (the cap), never the match rated down.
        var cards = await WaitForApprovalsAsync(client, token, 2);
        Assert.Equal(2, cards.Count);
        Assert.DoesNotContain(cards, c => c.GetProperty("application").GetProperty("postingId").GetGuid() == seed.RatedPostingId);
        var status = await GetAsync(client, "/api/agents/status", token);
        Assert.Equal(("running", 2), (status.GetProperty("agent").GetProperty("state").GetString(), status.GetProperty("agent").GetProperty("draftedToday").GetInt32()));
        // The drafts are committed one by one, before the drafter's run is marked done with its summary.
        await Jobsmith.Tests.TestSupport.TestHost.WaitUntilAsync(async () =>
            (await GetAsync(client, "/api/agents/tasks", token)).EnumerateArray().Any(t =>
                t.GetProperty("agent").GetString() == "drafter"
                && t.GetProperty("output").ValueKind == JsonValueKind.String
                && t.GetProperty("output").GetString()!.Contains("2 drafts waiting for your approval", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(30), "the drafter's finished run in the task list");

        // Another user's agent is theirs alone: still off, with nothing drafted.
        Assert.Equal("stopped", (await GetAsync(client, "/api/agents/status", other)).GetProperty("agent").GetProperty("state").GetString());
        Assert.Equal(0, (await GetAsync(client, "/api/applications/approvals", other)).GetArrayLength());

        using var paused = await client.SendAsync(HttpMethod.Post, "/api/agents/pause", token);
        Assert.Equal("paused", (await Json(paused)).GetProperty("state").GetString());
        using var stopped = await client.SendAsync(HttpMethod.Post, "/api/agents/stop", token);
        Assert.Equal("stopped", (await Json(stopped)).GetProperty("state").GetString());
    }

    [SkippableFact]
    public async Task The_dashboard_starts_pauses_and_stops_the_agent_at_desktop_and_phone_size()
    {
        var app = await fixture.AppAsync(DatabaseProviders.Sqlite);
        using var client = app.CreateApiClient();
        var email = ApiCalls.UniqueEmail("dashboard-agent");
        await client.RegisterAsync(email);
        await using var chromium = await ChromiumSession.StartAsync();
        await using var session = await SignedInBrowser.SignInAsync(chromium.Browser, app.BaseAddress, email, ApiCalls.Password, 60_000);
        var page = session.Page;
        await page.WaitForURLAsync("**/dashboard");

        var card = page.Locator("#my-agent");
        await card.GetByText("Off", new() { Exact = true }).WaitForAsync();
        // A refused value comes back as an error, and the agent stays off.
        await card.GetByLabel("Drafts a day").FillAsync("0");
        await card.Locator("form[action='/dashboard/agent/start']").EvaluateAsync("f => f.noValidate = true");
        await card.GetByRole(AriaRole.Button, new() { Name = "Start" }).ClickAsync();
        await page.GetByRole(AriaRole.Alert).GetByText("1 to 25 applications a day").WaitForAsync();
        await card.GetByText("Off", new() { Exact = true }).WaitForAsync();

        await card.GetByLabel("Drafts a day").FillAsync("3");
        await card.GetByRole(AriaRole.Button, new() { Name = "Start" }).ClickAsync();
        await page.GetByText("Your agent is running").WaitForAsync();
        await card.GetByText("Running", new() { Exact = true }).WaitForAsync();
        await card.GetByText("up to 3 a day").WaitForAsync();
        await page.ScreenshotAsync(new() { Path = ChromiumSession.ScreenshotPath("candidate-agent-running-desktop") });
        await page.SetViewportSizeAsync(390, 844);
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the dashboard overflows at phone width");
        await card.ScreenshotAsync(new() { Path = ChromiumSession.ScreenshotPath("candidate-agent-running-phone") });

        await card.GetByRole(AriaRole.Button, new() { Name = "Pause" }).ClickAsync();
        await card.GetByText("Paused", new() { Exact = true }).WaitForAsync();
        await card.GetByRole(AriaRole.Button, new() { Name = "Resume" }).WaitForAsync();
        await card.GetByRole(AriaRole.Button, new() { Name = "Stop" }).ClickAsync();
        await card.GetByText("Off", new() { Exact = true }).WaitForAsync();
        Assert.Equal(0, await card.GetByRole(AriaRole.Button, new() { Name = "Stop" }).CountAsync());
    }

    private static async Task<List<JsonElement>> WaitForApprovalsAsync(HttpClient client, string token, int count)
    {
        var cards = new List<JsonElement>();
        await Jobsmith.Tests.TestSupport.TestHost.WaitUntilAsync(async () =>
        {
            cards = [.. (await GetAsync(client, "/api/applications/approvals", token)).EnumerateArray()];
            return cards.Count >= count;
        }, TimeSpan.FromSeconds(90), $"{count} drafts in the approval queue");
        return cards;
    }

    private static async Task<JsonElement> GetAsync(HttpClient client, string path, string token)
    {
        using var response = await client.SendAsync(HttpMethod.Get, path, token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Json(response);
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
}
