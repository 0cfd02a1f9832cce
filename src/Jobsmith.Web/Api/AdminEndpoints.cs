using Jobsmith.Core.Accounts;
using Jobsmith.Core.Agents;
using Jobsmith.Core.Flags;
using Jobsmith.Core.Security;
using Jobsmith.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

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
        string id, SetRolesRequest request, UserManager<JobsmithUser> users, AuditLog audit, Core.Data.AppDbContext db,
        System.Security.Claims.ClaimsPrincipal actor, CancellationToken ct)
    {
        var wanted = request.Roles ?? [];
        var unknown = wanted.Where(r => !Roles.All.Contains(r)).ToList();
        if (wanted.Count == 0 || unknown.Count > 0)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["roles"] = [$"Give one or more of: {string.Join(", ", Roles.All)}."] });
        var user = await users.FindByIdAsync(id);
        if (user is null) return TypedResults.NotFound();
        var current = await users.GetRolesAsync(user);
        await users.RemoveFromRolesAsync(user, current.Except(wanted));
        await users.AddToRolesAsync(user, wanted.Except(current));
        audit.Record("admin.roles_changed", user.Id, string.Join(",", wanted), actor.UserId());
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok<IReadOnlyList<string>>([.. await users.GetRolesAsync(user)]);
    }
}
