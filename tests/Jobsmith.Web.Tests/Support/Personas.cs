using System.Net;

namespace Jobsmith.Web.Tests.Support;

/// <summary>Access tokens for the three roles of A2, created through the API as a real admin would.</summary>
public sealed record Personas(string Candidate, string CandidateId, string HumanAgent, string Admin)
{
    public static async Task<Personas> CreateAsync(HttpClient client)
    {
        var admin = await client.LoginAsync(JobsmithWebApp.AdminEmail, JobsmithWebApp.AdminPassword);
        var candidate = await client.RegisterAsync(ApiCalls.UniqueEmail("candidate"));

        var agentEmail = ApiCalls.UniqueEmail("agent");
        var agent = await client.RegisterAsync(agentEmail);
        using (var promote = await client.SendJsonAsync(HttpMethod.Put, $"/api/admin/users/{agent.User.Id}/roles", admin.AccessToken, new { roles = new[] { "human_agent" } }))
            Assert.Equal(HttpStatusCode.OK, promote.StatusCode);
        // Roles travel in the access token, so the agent signs in again to carry the new one.
        var promoted = await client.LoginAsync(agentEmail);
        Assert.Equal(["human_agent"], promoted.User.Roles);

        return new Personas(candidate.AccessToken, candidate.User.Id, promoted.AccessToken, admin.AccessToken);
    }
}
