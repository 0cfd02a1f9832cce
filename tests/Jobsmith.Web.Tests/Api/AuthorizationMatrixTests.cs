using System.Net;
using Jobsmith.Core.Data;
using Jobsmith.Web.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Jobsmith.Web.Tests.Api;

/// <summary>A2 / R3: who may call what. Every /api endpoint must appear in <see cref="Matrix"/>.</summary>
public sealed class AuthorizationMatrixTests(WebAppFixture fixture) : IClassFixture<WebAppFixture>
{
    private const int Ok = 200, NoContent = 204, BadRequest = 400, Unauthorized = 401, Forbidden = 403, NotFound = 404, Conflict = 409;

    /// <summary>
    /// Method, route pattern (as mapped), the path and body actually sent, and the expected status for
    /// anonymous / candidate / human agent / admin. Anonymous auth endpoints are sent an empty object: a 400
    /// from validation proves the request got past authorization.
    /// </summary>
    private static readonly (string Method, string Pattern, string Path, string? Body, int Anonymous, int Candidate, int Agent, int Admin)[] Matrix =
    [
        ("POST", "/api/auth/register", "/api/auth/register", "{}", BadRequest, BadRequest, BadRequest, BadRequest),
        ("POST", "/api/auth/login", "/api/auth/login", "{}", BadRequest, BadRequest, BadRequest, BadRequest),
        ("POST", "/api/auth/refresh", "/api/auth/refresh", "{}", BadRequest, BadRequest, BadRequest, BadRequest),
        ("POST", "/api/auth/logout", "/api/auth/logout", "{}", BadRequest, BadRequest, BadRequest, BadRequest),
        ("POST", "/api/auth/forgot-password", "/api/auth/forgot-password", "{}", BadRequest, BadRequest, BadRequest, BadRequest),
        ("POST", "/api/auth/reset-password", "/api/auth/reset-password", "{}", BadRequest, BadRequest, BadRequest, BadRequest),
        ("GET", "/api/auth/me", "/api/auth/me", null, Unauthorized, Ok, Ok, Ok),
        ("GET", "/api/notifications", "/api/notifications", null, Unauthorized, Ok, Ok, Ok),
        ("PUT", "/api/notifications/{id:guid}/read", $"/api/notifications/{Guid.NewGuid()}/read", null, Unauthorized, NotFound, NotFound, NotFound),
        ("PUT", "/api/notifications/read-all", "/api/notifications/read-all", null, Unauthorized, Ok, Ok, Ok),
        ("GET", "/api/notifications/stream", "/api/notifications/stream", null, Unauthorized, Ok, Ok, Ok),
        ("GET", "/api/notifications/preferences", "/api/notifications/preferences", null, Unauthorized, Ok, Ok, Ok),
        ("PUT", "/api/notifications/preferences", "/api/notifications/preferences", """{"types":{"offer":{"email":true,"sms":false,"push":true}}}""", Unauthorized, Ok, Ok, Ok),
        ("GET", "/api/notifications/push/key", "/api/notifications/push/key", null, Unauthorized, Ok, Ok, Ok),
        ("GET", "/api/notifications/push/subscriptions", "/api/notifications/push/subscriptions", null, Unauthorized, Ok, Ok, Ok),
        ("POST", "/api/notifications/push/subscriptions", "/api/notifications/push/subscriptions", "{}", Unauthorized, BadRequest, BadRequest, BadRequest),
        ("DELETE", "/api/notifications/push/subscriptions", "/api/notifications/push/subscriptions?endpoint=https%3A%2F%2Fpush.example.com%2Fnone", null, Unauthorized, NotFound, NotFound, NotFound),
        ("GET", "/api/agents/tasks", "/api/agents/tasks", null, Unauthorized, Ok, Ok, Ok),
        ("GET", "/api/agents/status", "/api/agents/status", null, Unauthorized, Ok, Ok, Ok),
        ("POST", "/api/agents/start", "/api/agents/start", """{"minScore":5}""", Unauthorized, BadRequest, Forbidden, Forbidden),
        ("POST", "/api/agents/pause", "/api/agents/pause", null, Unauthorized, Ok, Forbidden, Forbidden),
        ("POST", "/api/agents/stop", "/api/agents/stop", null, Unauthorized, Ok, Forbidden, Forbidden),
        ("GET", "/api/admin/users", "/api/admin/users", null, Unauthorized, Forbidden, Forbidden, Ok),
        ("GET", "/api/admin/candidates", "/api/admin/candidates", null, Unauthorized, Forbidden, Forbidden, Ok),
        ("GET", "/api/admin/monitoring", "/api/admin/monitoring?hours=24", null, Unauthorized, Forbidden, Forbidden, Ok),
        ("GET", "/api/admin/agents", "/api/admin/agents", null, Unauthorized, Forbidden, Forbidden, Ok),
        ("PATCH", "/api/admin/agents/{id}", "/api/admin/agents/no-such-user", """{"available":false}""", Unauthorized, Forbidden, Forbidden, NotFound),
        ("GET", "/api/admin/assignments", "/api/admin/assignments", null, Unauthorized, Forbidden, Forbidden, Ok),
        ("POST", "/api/admin/assignments", "/api/admin/assignments", $$"""{"applicationId":"{{Guid.NewGuid()}}","agentId":"nobody"}""", Unauthorized, Forbidden, Forbidden, NotFound),
        ("GET", "/api/agent/assignments", "/api/agent/assignments", null, Unauthorized, Forbidden, Ok, Ok),
        ("GET", "/api/agent/assignments/{id:guid}", $"/api/agent/assignments/{Guid.NewGuid()}", null, Unauthorized, Forbidden, NotFound, NotFound),
        ("POST", "/api/agent/assignments/{id:guid}/claim", $"/api/agent/assignments/{Guid.NewGuid()}/claim", null, Unauthorized, Forbidden, NotFound, NotFound),
        ("POST", "/api/agent/assignments/{id:guid}/complete", $"/api/agent/assignments/{Guid.NewGuid()}/complete", ApiCalls.MultipartWithoutFile, Unauthorized, Forbidden, NotFound, NotFound),
        ("POST", "/api/agent/assignments/{id:guid}/return", $"/api/agent/assignments/{Guid.NewGuid()}/return", """{"notes":"x","to":"retry"}""", Unauthorized, Forbidden, NotFound, NotFound),
        ("GET", "/api/agent/assignments/{id:guid}/screenshot", $"/api/agent/assignments/{Guid.NewGuid()}/screenshot", null, Unauthorized, Forbidden, NotFound, NotFound),
        ("GET", "/api/agent/assignments/{id:guid}/documents/{documentId:guid}/pdf", $"/api/agent/assignments/{Guid.NewGuid()}/documents/{Guid.NewGuid()}/pdf", null, Unauthorized, Forbidden, NotFound, NotFound),
        ("GET", "/api/agent/assignments/{id:guid}/documents/{documentId:guid}/docx", $"/api/agent/assignments/{Guid.NewGuid()}/documents/{Guid.NewGuid()}/docx", null, Unauthorized, Forbidden, NotFound, NotFound),
        ("GET", "/api/admin/applications/{id:guid}", $"/api/admin/applications/{Guid.NewGuid()}", null, Unauthorized, Forbidden, Forbidden, NotFound),
        ("GET", "/api/admin/applications/{id:guid}/proof/{proofId:guid}", $"/api/admin/applications/{Guid.NewGuid()}/proof/{Guid.NewGuid()}", null, Unauthorized, Forbidden, Forbidden, NotFound),
        ("PUT", "/api/admin/users/{id}/roles", "/api/admin/users/no-such-user/roles", """{"roles":["candidate"]}""", Unauthorized, Forbidden, Forbidden, NotFound),
        ("GET", "/api/admin/ai-agents/status", "/api/admin/ai-agents/status", null, Unauthorized, Forbidden, Forbidden, Ok),
        ("GET", "/api/admin/flags", "/api/admin/flags", null, Unauthorized, Forbidden, Forbidden, Ok),
        ("PUT", "/api/admin/flags/{name}", "/api/admin/flags/Source.csv", """{"enabled":true}""", Unauthorized, Forbidden, Forbidden, Ok),
        ("GET", "/api/candidates/me", "/api/candidates/me", null, Unauthorized, Ok, Forbidden, Forbidden),
        ("PUT", "/api/candidates/me", "/api/candidates/me", """{"headline":"Engineer"}""", Unauthorized, Ok, Forbidden, Forbidden),
        ("PATCH", "/api/candidates/me/facts/{factId}", "/api/candidates/me/facts/no-such-fact", """{"value":"x"}""", Unauthorized, NotFound, Forbidden, Forbidden),
        ("DELETE", "/api/candidates/me/facts/{factId}", "/api/candidates/me/facts/no-such-fact", null, Unauthorized, NotFound, Forbidden, Forbidden),
        ("GET", "/api/candidates/me/skills", "/api/candidates/me/skills", null, Unauthorized, Ok, Forbidden, Forbidden),
        ("PUT", "/api/candidates/me/skills", "/api/candidates/me/skills", "{}", Unauthorized, BadRequest, Forbidden, Forbidden),
        ("POST", "/api/candidates/resume/upload", "/api/candidates/resume/upload", ApiCalls.MultipartWithoutFile, Unauthorized, BadRequest, Forbidden, Forbidden),
        ("GET", "/api/candidates/resume", "/api/candidates/resume", null, Unauthorized, Ok, Forbidden, Forbidden),
        ("GET", "/api/candidates/resume/{versionId:guid}", $"/api/candidates/resume/{Guid.NewGuid()}", null, Unauthorized, NotFound, Forbidden, Forbidden),
        ("GET", "/api/candidates/resume/{versionId:guid}/file", $"/api/candidates/resume/{Guid.NewGuid()}/file", null, Unauthorized, NotFound, Forbidden, Forbidden),
        ("GET", "/api/candidates/preferences", "/api/candidates/preferences", null, Unauthorized, Ok, Forbidden, Forbidden),
        ("PUT", "/api/candidates/preferences", "/api/candidates/preferences", """{"salaryMin":9,"salaryMax":1}""", Unauthorized, BadRequest, Forbidden, Forbidden),
        ("GET", "/api/candidates/readiness", "/api/candidates/readiness", null, Unauthorized, Ok, Forbidden, Forbidden),
        ("GET", "/api/candidates/me/jsonresume", "/api/candidates/me/jsonresume", null, Unauthorized, Ok, Forbidden, Forbidden),
        ("POST", "/api/candidates/me/jsonresume", "/api/candidates/me/jsonresume", "[]", Unauthorized, BadRequest, Forbidden, Forbidden),
        ("GET", "/api/jobs", "/api/jobs", null, Unauthorized, Ok, Ok, Ok),
        ("GET", "/api/jobs/search", "/api/jobs/search?title=engineer", null, Unauthorized, Ok, Ok, Ok),
        ("GET", "/api/jobs/{id:guid}", $"/api/jobs/{Guid.NewGuid()}", null, Unauthorized, NotFound, NotFound, NotFound),
        ("GET", "/api/job-searches", "/api/job-searches", null, Unauthorized, Ok, Forbidden, Forbidden),
        ("POST", "/api/job-searches", "/api/job-searches", "{}", Unauthorized, BadRequest, Forbidden, Forbidden),
        ("DELETE", "/api/job-searches/{id:guid}", $"/api/job-searches/{Guid.NewGuid()}", null, Unauthorized, NotFound, Forbidden, Forbidden),
        ("POST", "/api/matches/run", "/api/matches/run", """{"top":0}""", Unauthorized, BadRequest, Forbidden, Forbidden),
        ("GET", "/api/matches", "/api/matches", null, Unauthorized, Ok, Forbidden, Forbidden),
        ("POST", "/api/feedback", "/api/feedback/", "{}", Unauthorized, BadRequest, Forbidden, Forbidden),
        ("GET", "/api/feedback", "/api/feedback/", null, Unauthorized, Ok, Forbidden, Forbidden),
        ("GET", "/api/preference-updates", "/api/preference-updates", null, Unauthorized, Ok, Forbidden, Forbidden),
        ("POST", "/api/preference-updates/{id:guid}/undo", $"/api/preference-updates/{Guid.NewGuid()}/undo", null, Unauthorized, NotFound, Forbidden, Forbidden),
        ("POST", "/api/documents", "/api/documents", "{}", Unauthorized, BadRequest, Forbidden, Forbidden),
        ("GET", "/api/documents", "/api/documents", null, Unauthorized, Ok, Forbidden, Forbidden),
        ("GET", "/api/documents/{id:guid}", $"/api/documents/{Guid.NewGuid()}", null, Unauthorized, NotFound, Forbidden, Forbidden),
        ("POST", "/api/documents/{id:guid}/edits", $"/api/documents/{Guid.NewGuid()}/edits", """{"lines":["x"]}""", Unauthorized, NotFound, Forbidden, Forbidden),
        ("POST", "/api/documents/{id:guid}/approve", $"/api/documents/{Guid.NewGuid()}/approve", null, Unauthorized, NotFound, Forbidden, Forbidden),
        ("GET", "/api/documents/{id:guid}/preview", $"/api/documents/{Guid.NewGuid()}/preview", null, Unauthorized, NotFound, Forbidden, Forbidden),
        ("GET", "/api/documents/{id:guid}/pdf", $"/api/documents/{Guid.NewGuid()}/pdf", null, Unauthorized, NotFound, Forbidden, Forbidden),
        ("GET", "/api/documents/{id:guid}/docx", $"/api/documents/{Guid.NewGuid()}/docx", null, Unauthorized, NotFound, Forbidden, Forbidden),
        ("GET", "/api/applications", "/api/applications", null, Unauthorized, Ok, Forbidden, Forbidden),
        ("POST", "/api/applications", "/api/applications", "{}", Unauthorized, BadRequest, Forbidden, Forbidden),
        ("GET", "/api/applications/approvals", "/api/applications/approvals", null, Unauthorized, Ok, Forbidden, Forbidden),
        ("GET", "/api/applications/auto-apply", "/api/applications/auto-apply", null, Unauthorized, Ok, Forbidden, Forbidden),
        ("PUT", "/api/applications/auto-apply", "/api/applications/auto-apply", """{"minScore":10}""", Unauthorized, BadRequest, Forbidden, Forbidden),
        ("GET", "/api/applications/{id:guid}", $"/api/applications/{Guid.NewGuid()}", null, Unauthorized, NotFound, Forbidden, Forbidden),
        ("GET", "/api/applications/{id:guid}/logs", $"/api/applications/{Guid.NewGuid()}/logs", null, Unauthorized, NotFound, Forbidden, Forbidden),
        ("PUT", "/api/applications/{id:guid}", $"/api/applications/{Guid.NewGuid()}", """{"state":"withdrawn"}""", Unauthorized, NotFound, Forbidden, Forbidden),
        ("POST", "/api/applications/{id:guid}/approve", $"/api/applications/{Guid.NewGuid()}/approve", "{}", Unauthorized, NotFound, Forbidden, Forbidden),
        ("POST", "/api/applications/{id:guid}/reject", $"/api/applications/{Guid.NewGuid()}/reject", "{}", Unauthorized, NotFound, Forbidden, Forbidden),
        ("GET", "/api/applications/{id:guid}/proof/{proofId:guid}", $"/api/applications/{Guid.NewGuid()}/proof/{Guid.NewGuid()}", null, Unauthorized, NotFound, Forbidden, Forbidden),
        ("GET", "/api/applications/{id:guid}/interviews", $"/api/applications/{Guid.NewGuid()}/interviews", null, Unauthorized, Ok, Forbidden, Forbidden),
        ("GET", "/api/interviews", "/api/interviews", null, Unauthorized, Ok, Forbidden, Forbidden),
        ("POST", "/api/interviews", "/api/interviews", "{}", Unauthorized, BadRequest, Forbidden, Forbidden),
        ("GET", "/api/interviews/{id:guid}", $"/api/interviews/{Guid.NewGuid()}", null, Unauthorized, NotFound, Forbidden, Forbidden),
        ("PUT", "/api/interviews/{id:guid}", $"/api/interviews/{Guid.NewGuid()}", """{"startsAt":"2026-12-15T10:00","timeZone":"Europe/Berlin"}""", Unauthorized, NotFound, Forbidden, Forbidden),
        ("POST", "/api/interviews/{id:guid}/cancel", $"/api/interviews/{Guid.NewGuid()}/cancel", null, Unauthorized, NotFound, Forbidden, Forbidden),
        ("GET", "/api/interviews/{id:guid}/ics", $"/api/interviews/{Guid.NewGuid()}/ics", null, Unauthorized, NotFound, Forbidden, Forbidden),
        ("POST", "/api/interviews/parse", "/api/interviews/parse", """{"text":"Tuesday, 15 December 2026 at 10:00 CET"}""", Unauthorized, Ok, Forbidden, Forbidden),
        ("GET", "/api/reports", "/api/reports", null, Unauthorized, Ok, Forbidden, Forbidden),
        ("GET", "/api/reports/{id:guid}", $"/api/reports/{Guid.NewGuid()}", null, Unauthorized, NotFound, Forbidden, Forbidden),
        ("GET", "/api/reports/{id:guid}/chart.png", $"/api/reports/{Guid.NewGuid()}/chart.png", null, Unauthorized, NotFound, Forbidden, Forbidden),
        ("POST", "/api/reports/generate", "/api/reports/generate", null, Unauthorized, Ok, Forbidden, Forbidden),
        ("GET", "/api/reports/latest", "/api/reports/latest", null, Unauthorized, Ok, Forbidden, Forbidden),
        ("GET", "/api/inbox/address", "/api/inbox/address", null, Unauthorized, Ok, Forbidden, Forbidden),
        ("GET", "/api/inbox/emails", "/api/inbox/emails", null, Unauthorized, Ok, Forbidden, Forbidden),
        ("POST", "/api/inbox/emails/{id:guid}/file", $"/api/inbox/emails/{Guid.NewGuid()}/file", $$"""{"applicationId":"{{Guid.NewGuid()}}"}""", Unauthorized, NotFound, Forbidden, Forbidden),
        ("GET", "/api/inbox/mailbox", "/api/inbox/mailbox", null, Unauthorized, Ok, Forbidden, Forbidden),
        ("PUT", "/api/inbox/mailbox", "/api/inbox/mailbox", "{}", Unauthorized, BadRequest, Forbidden, Forbidden),
        ("DELETE", "/api/inbox/mailbox", "/api/inbox/mailbox", null, Unauthorized, NotFound, Forbidden, Forbidden),
        ("POST", "/api/inbox/mailbox/poll", "/api/inbox/mailbox/poll", null, Unauthorized, NotFound, Forbidden, Forbidden),
        ("GET", "/api/account/settings", "/api/account/settings", null, Unauthorized, Ok, Ok, Ok),
        ("PUT", "/api/account/settings", "/api/account/settings", """{"timeZone":"Nowhere/Else"}""", Unauthorized, BadRequest, BadRequest, BadRequest),
        // Anonymous by design (mail providers call it; their signature is the authentication): an unknown provider is a 404 whoever sends it.
        ("POST", "/api/inbound/{provider}", "/api/inbound/no-such-provider", "{}", NotFound, NotFound, NotFound, NotFound),
        ("GET", "/api/admin/sources", "/api/admin/sources", null, Unauthorized, Forbidden, Forbidden, Ok),
        ("PUT", "/api/admin/sources/{kind}", "/api/admin/sources/no-such-source", """{"enabled":true}""", Unauthorized, Forbidden, Forbidden, NotFound),
        ("POST", "/api/admin/sources/{kind}/run", "/api/admin/sources/no-such-source/run", null, Unauthorized, Forbidden, Forbidden, NotFound),
        ("GET", "/api/subscriptions/plans", "/api/subscriptions/plans", null, Unauthorized, Ok, Ok, Ok),
        ("GET", "/api/subscriptions/me", "/api/subscriptions/me", null, Unauthorized, Ok, Forbidden, Forbidden),
        ("POST", "/api/subscriptions/upgrade", "/api/subscriptions/upgrade", "{}", Unauthorized, BadRequest, Forbidden, Forbidden),
        // A candidate on the free plan has nothing to cancel.
        ("POST", "/api/subscriptions/cancel", "/api/subscriptions/cancel", null, Unauthorized, Conflict, Forbidden, Forbidden),
        // Anonymous by design (the payment provider calls it); an unsigned body is refused whoever sends it.
        ("POST", "/api/subscriptions/webhook", "/api/subscriptions/webhook", "{}", BadRequest, BadRequest, BadRequest, BadRequest),
    ];

    [Fact]
    public async Task Every_endpoint_answers_each_role_as_the_matrix_says()
    {
        var app = await fixture.AppAsync(DatabaseProviders.Sqlite);
        var client = app.CreateApiClient();
        var personas = await Personas.CreateAsync(client);

        var mismatches = new List<string>();
        foreach (var row in Matrix)
        {
            foreach (var (role, token, expected) in new[]
                     {
                         ("anonymous", (string?)null, row.Anonymous), ("candidate", personas.Candidate, row.Candidate),
                         ("human agent", personas.HumanAgent, row.Agent), ("admin", personas.Admin, row.Admin),
                     })
            {
                // Headers only: the event stream never ends on its own.
                using var response = await client.SendAsync(new HttpMethod(row.Method), row.Path, token, row.Body, HttpCompletionOption.ResponseHeadersRead);
                if ((int)response.StatusCode != expected)
                    mismatches.Add($"{row.Method} {row.Path} as {role}: expected {expected}, got {(int)response.StatusCode}");
            }
        }
        Assert.True(mismatches.Count == 0, string.Join(Environment.NewLine, mismatches));
    }

    [Fact]
    public async Task Every_api_endpoint_of_the_app_is_in_the_matrix()
    {
        var app = await fixture.AppAsync(DatabaseProviders.Sqlite);
        var mapped = app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(m => $"{m} {Normalize(e.RoutePattern.RawText!)}"))
            .ToHashSet();
        var listed = Matrix.Select(r => $"{r.Method} {Normalize(r.Pattern)}").ToHashSet();

        Assert.NotEmpty(mapped);
        Assert.Empty(mapped.Except(listed));
        // And the table holds nothing stale.
        Assert.Empty(listed.Except(mapped));
    }

    [Fact]
    public async Task A_candidate_cannot_touch_or_see_another_users_notifications_or_tasks()
    {
        var app = await fixture.AppAsync(DatabaseProviders.Sqlite);
        var client = app.CreateApiClient();
        var owner = await client.RegisterAsync(ApiCalls.UniqueEmail("owner"));
        var intruder = await client.RegisterAsync(ApiCalls.UniqueEmail("intruder"));
        var notification = await CrossUserScenario.NotifyAsync(app, owner.User.Id, "Owner's secret");

        await CrossUserScenario.AssertIsolatedAsync(client, owner.User.Id, owner.AccessToken, intruder.AccessToken, notification.Id, "Owner's secret");
    }

    private static string Normalize(string pattern) => pattern.TrimEnd('/');
}
