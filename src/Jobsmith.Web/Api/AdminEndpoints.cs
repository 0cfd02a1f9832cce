using Jobsmith.Core.Accounts;
using Jobsmith.Core.Agents;
using Jobsmith.Core.Ai.Usage;
using Jobsmith.Core.Applications;
using Jobsmith.Core.Flags;
using Jobsmith.Core.HumanAgents;
using Jobsmith.Core.Monitoring;
using Jobsmith.Core.Security;
using Jobsmith.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jobsmith.Web.Api;

public sealed record SetFlagRequest(bool? Enabled);
public sealed record SetRolesRequest(IReadOnlyList<string>? Roles);
public sealed record UpdateAgentRequest(bool? Available, int? MaxAssignments, IReadOnlyList<string>? Expertise);
public sealed record AssignRequest(Guid? ApplicationId, string? AgentId);
public sealed record MonitoringView(AgentMonitorView Agents, AiUsageView Ai);

/// <summary>Admin API (I1, A4): users and roles, human agents, AI agent monitoring, feature flags.</summary>
public static class AdminEndpoints
{
    public static RouteGroupBuilder MapAdminEndpoints(this RouteGroupBuilder api)
    {
        var admin = api.MapGroup("/admin").WithTags("Admin").RequireAuthorization(Policies.Admin);
        admin.MapGet("/users", async (AdminAccounts accounts, CancellationToken ct) => TypedResults.Ok(await accounts.ListUsersAsync(ct)));
        // Paged: an install may have a hundred thousand candidates (I1).
        admin.MapGet("/candidates", async (CandidateOverview candidates, string? q, int? page, CancellationToken ct) =>
            TypedResults.Ok(await candidates.ListAsync(q, page ?? 1, ct)));
        admin.MapGet("/monitoring", async (AgentMonitor agents, AiUsageReport ai, int? hours, CancellationToken ct) =>
            TypedResults.Ok(new MonitoringView(await agents.ReadAsync(hours ?? 24, ct), await ai.ReadAsync(hours ?? 24, ct))));
        admin.MapGet("/agents", async (HumanAgentAdmin agents, CancellationToken ct) => TypedResults.Ok(await agents.AgentsAsync(ct)));
        admin.MapPatch("/agents/{id}", UpdateAgentAsync);
        admin.MapGet("/assignments", async (HumanAgentAdmin agents, string? status, int? page, CancellationToken ct) =>
            TypedResults.Ok(await agents.AssignmentsAsync(status, page ?? 1, ct)));
        admin.MapPost("/assignments", AssignAsync);
        admin.MapPut("/users/{id}/roles", SetRolesAsync);
        // Any candidate's application with its proof, read-only: what was sent on their behalf, and by whom (F7).
        admin.MapGet("/applications/{id:guid}", async Task<Results<Ok<AdminApplicationPage>, NotFound>> (Guid id, AdminApplications applications, CancellationToken ct) =>
            await applications.PageAsync(id, ct) is { } page ? TypedResults.Ok(page) : TypedResults.NotFound());
        admin.MapGet("/applications/{id:guid}/proof/{proofId:guid}", async Task<Results<FileContentHttpResult, NotFound>> (Guid id, Guid proofId, AdminApplications applications, CancellationToken ct) =>
            await applications.ProofAsync(id, proofId, ct) is { } file
                ? TypedResults.File(file.Content, file.View.ContentType, file.View.ContentType == "image/png" ? null : file.View.FileName)
                : TypedResults.NotFound());
        admin.MapGet("/ai-agents/status", async (AgentTaskQueries tasks, CancellationToken ct) => TypedResults.Ok(await tasks.StatsAsync(ct)));
        admin.MapGet("/flags", async (FeatureFlagService flags, CancellationToken ct) => TypedResults.Ok(await flags.ListAsync(ct)));
        admin.MapPut("/flags/{name}", SetFlagAsync);
        return api;
    }

    private static async Task<Results<Ok<FeatureFlagState>, ValidationProblem, ProblemHttpResult>> SetFlagAsync(
        string name, SetFlagRequest request, FeatureFlagService flags, System.Security.Claims.ClaimsPrincipal user, CancellationToken ct)
    {
        if (request.Enabled is null)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["enabled"] = ["enabled (true or false) is required."] });
        if (!await flags.SetAsync(name, request.Enabled.Value, user.UserId(), ct))
            return TypedResults.Problem($"There is no feature flag named '{name}'.", statusCode: StatusCodes.Status404NotFound, title: "Unknown flag");
        return TypedResults.Ok((await flags.ListAsync(ct)).First(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase)));
    }

    private static async Task<Results<Ok<IReadOnlyList<string>>, ValidationProblem, NotFound>> SetRolesAsync(
        string id, SetRolesRequest request, AdminAccounts accounts, System.Security.Claims.ClaimsPrincipal actor, CancellationToken ct)
    {
        try
        {
            return await accounts.SetRolesAsync(id, request.Roles ?? [], actor.UserId(), ct) is { } roles ? TypedResults.Ok(roles) : TypedResults.NotFound();
        }
        catch (AccountException ex) when (ex.Code == "invalid_roles")
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["roles"] = [.. ex.Errors] });
        }
    }

    private static async Task<Results<Ok<AgentLoad>, ValidationProblem, NotFound>> UpdateAgentAsync(
        string id, UpdateAgentRequest? request, HumanAgentAdmin agents, CancellationToken ct)
    {
        if (request is null) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["request"] = ["Send available, maxAssignments and/or expertise."] });
        var (agent, error) = await agents.UpdateAgentAsync(id, new AgentChange(request.Available, request.MaxAssignments, request.Expertise), ct);
        if (error is not null) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["request"] = [error] });
        return agent is null ? TypedResults.NotFound() : TypedResults.Ok(agent);
    }

    private static async Task<IResult> AssignAsync(AssignRequest? request, HumanAgentAdmin agents, System.Security.Claims.ClaimsPrincipal user, CancellationToken ct)
    {
        if (request?.ApplicationId is not { } applicationId || string.IsNullOrWhiteSpace(request.AgentId))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["request"] = ["applicationId and agentId are required."] });
        var result = await agents.AssignAsync(applicationId, request.AgentId, user.UserId(), ct);
        return result.Status switch
        {
            AdminAssignStatus.Assigned => TypedResults.Ok(result.Assignment),
            AdminAssignStatus.NotFound => TypedResults.NotFound(),
            AdminAssignStatus.Conflict => TypedResults.Problem(result.Error, statusCode: StatusCodes.Status409Conflict, title: "Conflict"),
            _ => TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["request"] = [result.Error!] }),
        };
    }
}
