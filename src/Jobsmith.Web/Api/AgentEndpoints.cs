using System.Security.Claims;
using Jobsmith.Core.Agents;
using Jobsmith.Core.Orchestration;
using Jobsmith.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jobsmith.Web.Api;

/// <summary>Optional settings sent with start: how good a match must be to be drafted, and how many drafts a day.</summary>
public sealed record AgentStartRequest(int? MinScore, int? DraftsPerDay);

/// <summary>The candidate's agent and the counts of their recent agent tasks by status.</summary>
public sealed record AgentStatusView(CandidateAgentView Agent, IReadOnlyDictionary<string, int> Tasks);

/// <summary>
/// The signed-in user's agent tasks (K1), and a candidate's own job-search agent (K3): start (or resume), pause, stop.
/// A change that loses a race with another (a double-click) answers 409 with the state that won.
/// </summary>
public static class AgentEndpoints
{
    public static RouteGroupBuilder MapAgentEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/agents").WithTags("Agents").RequireAuthorization();
        group.MapGet("/tasks", async (AgentTaskQueries tasks, ClaimsPrincipal user, int? take, CancellationToken ct) =>
            TypedResults.Ok(await tasks.ForUserAsync(user.UserId(), take ?? 50, ct)));
        group.MapGet("/status", async (AgentTaskQueries tasks, CandidateAgents agents, ClaimsPrincipal user, CancellationToken ct) =>
        {
            var recent = await tasks.ForUserAsync(user.UserId(), 200, ct);
            var counts = recent.GroupBy(t => t.Status).ToDictionary(g => g.Key.ToString().ToLowerInvariant(), g => g.Count());
            return TypedResults.Ok(new AgentStatusView(await agents.GetAsync(user.UserId(), ct), counts));
        });
        var own = group.MapGroup("").RequireAuthorization(Policies.Candidate);
        own.MapPost("/start", (AgentStartRequest? request, CandidateAgents agents, ClaimsPrincipal user, CancellationToken ct) =>
            ChangeAsync(agents, user, CandidateAgentStates.Running, new CandidateAgentSettings(request?.MinScore, request?.DraftsPerDay), ct));
        own.MapPost("/pause", (CandidateAgents agents, ClaimsPrincipal user, CancellationToken ct) =>
            ChangeAsync(agents, user, CandidateAgentStates.Paused, null, ct));
        own.MapPost("/stop", (CandidateAgents agents, ClaimsPrincipal user, CancellationToken ct) =>
            ChangeAsync(agents, user, CandidateAgentStates.Stopped, null, ct));
        return api;
    }

    private static async Task<Results<Ok<CandidateAgentView>, ValidationProblem, Conflict<CandidateAgentView>>> ChangeAsync(
        CandidateAgents agents, ClaimsPrincipal user, string state, CandidateAgentSettings? settings, CancellationToken ct)
    {
        var change = await agents.ChangeAsync(user.UserId(), state, settings, ct);
        return change.Status switch
        {
            AgentChangeStatus.Invalid => TypedResults.ValidationProblem(change.Errors!),
            AgentChangeStatus.Conflict => TypedResults.Conflict(change.View),
            _ => TypedResults.Ok(change.View),
        };
    }
}
