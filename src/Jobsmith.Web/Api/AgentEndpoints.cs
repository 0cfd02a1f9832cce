using Jobsmith.Core.Agents;
using Jobsmith.Web.Auth;

namespace Jobsmith.Web.Api;

/// <summary>The signed-in user's agent tasks (K1).</summary>
public static class AgentEndpoints
{
    public static RouteGroupBuilder MapAgentEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/agents").WithTags("Agents").RequireAuthorization();
        group.MapGet("/tasks", async (AgentTaskQueries tasks, System.Security.Claims.ClaimsPrincipal user, int? take, CancellationToken ct) =>
            TypedResults.Ok(await tasks.ForUserAsync(user.UserId(), take ?? 50, ct)));
        group.MapGet("/status", async (AgentTaskQueries tasks, System.Security.Claims.ClaimsPrincipal user, CancellationToken ct) =>
        {
            var recent = await tasks.ForUserAsync(user.UserId(), 200, ct);
            return TypedResults.Ok(recent.GroupBy(t => t.Status).ToDictionary(g => g.Key.ToString().ToLowerInvariant(), g => g.Count()));
        });
        return api;
    }
}
