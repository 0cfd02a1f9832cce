using System.Net;
using Jobsmith.Core.Data;
using Jobsmith.Web.Tests.Support;

namespace Jobsmith.Web.Tests.Api;

/// <summary>Every endpoint that reads a body answers bad input with a 400 problem, never a 500 (R2, L4).</summary>
public sealed class BadInputTests(WebAppFixture fixture) : IClassFixture<WebAppFixture>
{
    /// <summary>Each body-reading endpoint with a body of the right shape but a missing field and one of the wrong type.</summary>
    public static readonly TheoryData<string, string, string, string> Endpoints = new()
    {
        { "POST", "/api/auth/register", """{"password":"correct-horse-42"}""", """{"email":42,"password":"correct-horse-42"}""" },
        { "POST", "/api/auth/login", """{"email":"a@b.test"}""", """{"email":"a@b.test","password":["x"]}""" },
        { "POST", "/api/auth/refresh", """{"token":"x"}""", """{"refreshToken":{"value":"x"}}""" },
        { "POST", "/api/auth/logout", """{"token":"x"}""", """{"refreshToken":true}""" },
        { "POST", "/api/auth/forgot-password", """{"mail":"a@b.test"}""", """{"email":12.5}""" },
        { "POST", "/api/auth/reset-password", """{"email":"a@b.test","token":"t"}""", """{"email":"a@b.test","token":"t","newPassword":1234567890}""" },
        { "PUT", "/api/admin/users/{user}/roles", """{"role":"admin"}""", """{"roles":"admin"}""" },
        { "PUT", "/api/admin/flags/AiAgents", """{"on":false}""", """{"enabled":"no"}""" },
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Malformed_empty_incomplete_and_mistyped_bodies_get_400_problems(string method, string path, string missingField, string wrongType)
    {
        var app = await fixture.AppAsync(DatabaseProviders.Sqlite);
        var client = app.CreateApiClient();
        var admin = await client.LoginAsync(JobsmithWebApp.AdminEmail, JobsmithWebApp.AdminPassword);
        path = path.Replace("{user}", admin.User.Id, StringComparison.Ordinal);

        foreach (var (what, body) in new[]
                 {
                     ("malformed JSON", "{\"email\": "), ("not an object", "[1,2]"), ("null", "null"), ("empty body", ""),
                     ("missing field", missingField), ("wrong type", wrongType),
                 })
        {
            using var response = await client.SendAsync(new HttpMethod(method), path, admin.AccessToken, body);
            var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
            Assert.True(problem.ValueKind == System.Text.Json.JsonValueKind.Object, $"{method} {path} with {what}");
        }
    }

    [Fact]
    public async Task An_unknown_flag_is_a_404_problem()
    {
        var app = await fixture.AppAsync(DatabaseProviders.Sqlite);
        var client = app.CreateApiClient();
        var admin = await client.LoginAsync(JobsmithWebApp.AdminEmail, JobsmithWebApp.AdminPassword);
        using var response = await client.SendJsonAsync(HttpMethod.Put, "/api/admin/flags/NoSuchFlag", admin.AccessToken, new { enabled = true });
        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Unknown_roles_and_an_unknown_user_are_refused()
    {
        var app = await fixture.AppAsync(DatabaseProviders.Sqlite);
        var client = app.CreateApiClient();
        var admin = await client.LoginAsync(JobsmithWebApp.AdminEmail, JobsmithWebApp.AdminPassword);
        using (var unknownRole = await client.SendJsonAsync(HttpMethod.Put, $"/api/admin/users/{admin.User.Id}/roles", admin.AccessToken, new { roles = new[] { "superuser" } }))
            await unknownRole.AssertProblemAsync(HttpStatusCode.BadRequest);
        using (var noRoles = await client.SendJsonAsync(HttpMethod.Put, $"/api/admin/users/{admin.User.Id}/roles", admin.AccessToken, new { roles = Array.Empty<string>() }))
            await noRoles.AssertProblemAsync(HttpStatusCode.BadRequest);
        using var unknownUser = await client.SendJsonAsync(HttpMethod.Put, "/api/admin/users/no-such-user/roles", admin.AccessToken, new { roles = new[] { "candidate" } });
        await unknownUser.AssertProblemAsync(HttpStatusCode.NotFound);
    }
}
