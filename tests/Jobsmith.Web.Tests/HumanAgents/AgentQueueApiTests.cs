using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Jobsmith.Core.Data;
using Jobsmith.Web.Tests.Support;

namespace Jobsmith.Web.Tests.HumanAgents;

/// <summary>A2 and F5 through the API: an agent sees and works only their own assignments; candidates cannot use the queue.</summary>
public sealed class AgentQueueApiTests(WebAppFixture fixture) : IClassFixture<WebAppFixture>
{
    [Fact]
    public async Task An_agent_works_only_their_own_assignment_and_a_candidate_cannot_reach_the_queue()
    {
        var app = await fixture.AppAsync(DatabaseProviders.Sqlite);
        using var client = app.CreateApiClient();
        var admin = (await client.LoginAsync(JobsmithWebApp.AdminEmail, JobsmithWebApp.AdminPassword)).AccessToken;
        var owner = await EscalationScenario.AgentAsync(client, admin);
        var other = await EscalationScenario.AgentAsync(client, admin);
        var (candidate, application) = await EscalationScenario.EscalatedAsync(app, "Login wall on the careers site");
        var candidateToken = (await client.LoginAsync(candidate.Email)).AccessToken;

        using (var assign = await client.SendJsonAsync(HttpMethod.Post, "/api/admin/assignments", admin, new { applicationId = application, agentId = owner.Id }))
            Assert.Equal(HttpStatusCode.OK, assign.StatusCode);
        // The same application cannot be given to a non-agent.
        using (var wrong = await client.SendJsonAsync(HttpMethod.Post, "/api/admin/assignments", admin, new { applicationId = application, agentId = candidate.UserId }))
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        var id = (await JsonAsync(client, "/api/agent/assignments", owner.Token)).EnumerateArray().Single().GetProperty("id").GetGuid();

        // The other agent sees nothing of it, and the candidate cannot use agent endpoints at all.
        Assert.Equal(0, (await JsonAsync(client, "/api/agent/assignments", other.Token)).GetArrayLength());
        foreach (var (method, path) in new[] { ("GET", $"/api/agent/assignments/{id}"), ("POST", $"/api/agent/assignments/{id}/claim"), ("GET", $"/api/agent/assignments/{id}/screenshot") })
        {
            using var asOther = await client.SendAsync(new HttpMethod(method), path, other.Token);
            Assert.Equal(HttpStatusCode.NotFound, asOther.StatusCode);
            using var asCandidate = await client.SendAsync(new HttpMethod(method), path, candidateToken);
            Assert.Equal(HttpStatusCode.Forbidden, asCandidate.StatusCode);
        }
        using (var early = await client.SendAsync(HttpMethod.Get, $"/api/agent/assignments/{id}", owner.Token))
            Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);

        using (var claim = await client.SendAsync(HttpMethod.Post, $"/api/agent/assignments/{id}/claim", owner.Token))
            Assert.Equal(HttpStatusCode.OK, claim.StatusCode);
        using (var again = await client.SendAsync(HttpMethod.Post, $"/api/agent/assignments/{id}/claim", owner.Token))
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var material = await JsonAsync(client, $"/api/agent/assignments/{id}", owner.Token);
        Assert.Equal(id, material.GetProperty("assignment").GetProperty("id").GetGuid());
        Assert.Contains("@", material.GetProperty("candidate").GetProperty("email").GetString(), StringComparison.Ordinal);
        using (var complete = await CompleteAsync(client, id, other.Token))
            Assert.Equal(HttpStatusCode.NotFound, complete.StatusCode);
        using (var complete = await CompleteAsync(client, id, owner.Token))
            Assert.Equal(HttpStatusCode.OK, complete.StatusCode);

        Assert.Equal("applied", await EscalationScenario.StateAsync(app, candidate.UserId, application));
        var listed = (await JsonAsync(client, "/api/admin/assignments", admin)).EnumerateArray().Single(a => a.GetProperty("card").GetProperty("id").GetGuid() == id);
        Assert.True(listed.GetProperty("card").GetProperty("hasProof").GetBoolean());
        var agents = (await JsonAsync(client, "/api/admin/agents", admin)).EnumerateArray().ToList();
        Assert.Equal(0, agents.Single(a => a.GetProperty("userId").GetString() == owner.Id).GetProperty("open").GetInt32());

        using (var bad = await client.SendJsonAsync(HttpMethod.Patch, $"/api/admin/agents/{owner.Id}", admin, new { maxAssignments = 1000 }))
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        using var patched = await client.SendJsonAsync(HttpMethod.Patch, $"/api/admin/agents/{owner.Id}", admin, new { available = false, expertise = new[] { "captcha", "Workday" } });
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        var agent = JsonDocument.Parse(await patched.Content.ReadAsStringAsync()).RootElement;
        Assert.False(agent.GetProperty("available").GetBoolean());
        Assert.Equal(["captcha", "workday"], agent.GetProperty("expertise").EnumerateArray().Select(t => t.GetString()));
        using (var notAgent = await client.SendJsonAsync(HttpMethod.Patch, $"/api/admin/agents/{candidate.UserId}", admin, new { available = true }))
            Assert.Equal(HttpStatusCode.NotFound, notAgent.StatusCode);
    }

    [SkippableFact]
    public async Task An_agent_downloads_the_prepared_files_only_while_holding_the_claim_and_an_admin_audits_the_proof()
    {
        var app = await fixture.AppAsync(DatabaseProviders.Sqlite);
        Documents.DocumentScenario.RequireRenderer(app.Services);
        using var client = app.CreateApiClient();
        var admin = (await client.LoginAsync(JobsmithWebApp.AdminEmail, JobsmithWebApp.AdminPassword)).AccessToken;
        var owner = await EscalationScenario.AgentAsync(client, admin);
        var other = await EscalationScenario.AgentAsync(client, admin);
        var (candidate, application) = await EscalationScenario.EscalatedAsync(app, "CAPTCHA on the careers site");
        var candidateToken = (await client.LoginAsync(candidate.Email)).AccessToken;
        using (var drafted = await client.SendJsonAsync(HttpMethod.Post, "/api/documents", candidateToken, new { postingId = candidate.MatchedPostingId }))
            Assert.Equal(HttpStatusCode.Created, drafted.StatusCode);
        var resume = (await JsonAsync(client, $"/api/documents?postingId={candidate.MatchedPostingId}", candidateToken)).EnumerateArray()
            .Single(d => d.GetProperty("kind").GetString() == "resume").GetProperty("id").GetGuid();
        using (var assign = await client.SendJsonAsync(HttpMethod.Post, "/api/admin/assignments", admin, new { applicationId = application, agentId = owner.Id }))
            Assert.Equal(HttpStatusCode.OK, assign.StatusCode);
        var id = (await JsonAsync(client, "/api/agent/assignments", owner.Token)).EnumerateArray().Single().GetProperty("id").GetGuid();
        var pdf = $"/api/agent/assignments/{id}/documents/{resume}/pdf";

        // Not before the claim, never for another agent, never for a candidate.
        await ExpectStatusAsync(client, pdf, owner.Token, HttpStatusCode.NotFound);
        using (var claim = await client.SendAsync(HttpMethod.Post, $"/api/agent/assignments/{id}/claim", owner.Token))
            Assert.Equal(HttpStatusCode.OK, claim.StatusCode);
        await ExpectStatusAsync(client, pdf, other.Token, HttpStatusCode.NotFound);
        await ExpectStatusAsync(client, pdf, candidateToken, HttpStatusCode.Forbidden);
        // Only documents the assignment shows: not some other document id of the candidate's, nor a made-up one.
        await ExpectStatusAsync(client, $"/api/agent/assignments/{id}/documents/{Guid.NewGuid()}/pdf", owner.Token, HttpStatusCode.NotFound);

        var shown = (await JsonAsync(client, $"/api/agent/assignments/{id}", owner.Token)).GetProperty("documents").EnumerateArray()
            .Select(d => d.GetProperty("id").GetGuid()).ToList();
        Assert.Contains(resume, shown);
        foreach (var (format, magic) in new[] { ("pdf", "%PDF"u8.ToArray()), ("docx", "PK"u8.ToArray()) })
        {
            using var file = await client.SendAsync(HttpMethod.Get, $"/api/agent/assignments/{id}/documents/{resume}/{format}", owner.Token);
            Assert.Equal(HttpStatusCode.OK, file.StatusCode);
            Assert.Equal("attachment", file.Content.Headers.ContentDisposition!.DispositionType);
            Assert.Equal(magic, (await file.Content.ReadAsByteArrayAsync()).Take(magic.Length));
        }

        using (var complete = await CompleteAsync(client, id, owner.Token))
            Assert.Equal(HttpStatusCode.OK, complete.StatusCode);
        // Done: the material is closed again.
        await ExpectStatusAsync(client, pdf, owner.Token, HttpStatusCode.NotFound);

        // The agent's send, with its proof, is on the application page for the candidate and, read-only, for an admin.
        var audited = await JsonAsync(client, $"/api/admin/applications/{application}", admin);
        Assert.Equal(candidate.Email, audited.GetProperty("candidateEmail").GetString());
        var attempt = audited.GetProperty("page").GetProperty("attempts").EnumerateArray().Single(a => a.GetProperty("channel").GetString() == "human_agent");
        Assert.Equal("sent", attempt.GetProperty("outcome").GetString());
        Assert.Contains("new account", attempt.GetProperty("details").GetString(), StringComparison.Ordinal);
        var proof = attempt.GetProperty("proof").EnumerateArray().Single().GetProperty("id").GetGuid();
        using (var file = await client.SendAsync(HttpMethod.Get, $"/api/admin/applications/{application}/proof/{proof}", admin))
            Assert.Equal("Thanks for applying", await file.Content.ReadAsStringAsync());
        using (var file = await client.SendAsync(HttpMethod.Get, $"/api/applications/{application}/proof/{proof}", candidateToken))
            Assert.Equal("Thanks for applying", await file.Content.ReadAsStringAsync());
        await ExpectStatusAsync(client, $"/api/admin/applications/{application}", candidateToken, HttpStatusCode.Forbidden);
        await ExpectStatusAsync(client, $"/api/admin/applications/{application}", owner.Token, HttpStatusCode.Forbidden);
        await ExpectStatusAsync(client, $"/api/admin/applications/{application}/proof/{Guid.NewGuid()}", admin, HttpStatusCode.NotFound);
        await ExpectStatusAsync(client, $"/api/admin/applications/{Guid.NewGuid()}", admin, HttpStatusCode.NotFound);
    }

    private static async Task ExpectStatusAsync(HttpClient client, string path, string token, HttpStatusCode expected)
    {
        using var response = await client.SendAsync(HttpMethod.Get, path, token);
        Assert.True(response.StatusCode == expected, $"{path}: {(int)response.StatusCode}, expected {(int)expected}");
    }

    private static async Task<HttpResponseMessage> CompleteAsync(HttpClient client, Guid id, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/agent/assignments/{id}/complete");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Content = new MultipartFormDataContent
        {
            { new StringContent("Signed in with the candidate's new account and submitted."), "note" },
            { new ByteArrayContent("Thanks for applying"u8.ToArray()), "file", "confirmation.txt" },
        };
        return await client.SendAsync(request);
    }

    private static async Task<JsonElement> JsonAsync(HttpClient client, string path, string token)
    {
        using var response = await client.SendAsync(HttpMethod.Get, path, token);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
