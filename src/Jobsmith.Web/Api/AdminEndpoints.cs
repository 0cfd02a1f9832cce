using Jobsmith.Core.Accounts;
using Jobsmith.Core.Agents;
using Jobsmith.Core.Flags;
using Jobsmith.Core.Security;
using Jobsmith.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jobsmith.Web.Api;

public sealed record SetFlagRequest(bool? Enabled);
public sealed record SetRolesRequest(IReadOnlyList<string>? Roles);

/// <summary>Admin API (I1, A4): users and roles, human agents, AI agent monitoring, feature flags.</summary>
public static class AdminEndpoints
{
    public static RouteGroupBuilder MapAdminEndpoints(this RouteGroupBuilder api)
    {
        var admin = api.MapGroup("/admin").WithTags("Admin").RequireAuthorization(Policies.Admin);
        admin.MapGet("/users", async (AdminAccounts accounts, CancellationToken ct) => TypedResults.Ok(await accounts.ListUsersAsync(ct)));
        admin.MapGet("/candidates", async (AdminAccounts accounts, CancellationToken ct) =>
            TypedResults.Ok((await accounts.ListUsersAsync(ct)).Where(u => u.Roles.Contains(Roles.Candidate))));
        admin.MapGet("/agents", async (AdminAccounts accounts, CancellationToken ct) =>
            TypedResults.Ok((await accounts.ListUsersAsync(ct)).Where(u => u.Roles.Contains(Roles.HumanAgent))));
        admin.MapPut("/users/{id}/roles", SetRolesAsync);
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
}
