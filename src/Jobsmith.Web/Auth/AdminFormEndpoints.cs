using Jobsmith.Core.Flags;
using Jobsmith.Core.HumanAgents;
using Microsoft.AspNetCore.Mvc;

namespace Jobsmith.Web.Auth;

/// <summary>The admin pages' forms (flag switches, human agents, assignments) post here (works without JavaScript), then return to the page.</summary>
public static class AdminFormEndpoints
{
    public static WebApplication MapAdminFormEndpoints(this WebApplication app)
    {
        app.MapPost("/admin/flags/{name}", async (string name, [FromForm] bool enabled, FeatureFlagService flags,
                System.Security.Claims.ClaimsPrincipal user, CancellationToken ct) =>
            await flags.SetAsync(name, enabled, user.UserId(), ct)
                ? Results.LocalRedirect("/admin#flags")
                : Results.NotFound())
            .RequireAuthorization(Policies.Admin)
            .ExcludeFromDescription();
        app.MapPost("/admin/agents/{id}", async (string id, [FromForm] bool? available, [FromForm] int? maxAssignments, [FromForm] string? expertise,
                HumanAgentAdmin agents, CancellationToken ct) =>
            {
                var tags = (expertise ?? "").Split([' ', ','], StringSplitOptions.RemoveEmptyEntries);
                var (agent, error) = await agents.UpdateAgentAsync(id, new AgentChange(available, maxAssignments, tags), ct);
                if (error is not null) return Results.LocalRedirect($"/admin/agents?error={Uri.EscapeDataString(error)}");
                return agent is null ? Results.NotFound() : Results.LocalRedirect($"/admin/agents?saved={Uri.EscapeDataString($"Saved {agent.Email}.")}");
            })
            .RequireAuthorization(Policies.Admin)
            .ExcludeFromDescription();
        app.MapPost("/admin/assignments", async ([FromForm] Guid? applicationId, [FromForm] string? agentId, HumanAgentAdmin agents,
                System.Security.Claims.ClaimsPrincipal user, CancellationToken ct) =>
            {
                if (applicationId is not { } application || string.IsNullOrWhiteSpace(agentId))
                    return Results.LocalRedirect("/admin/agents?error=" + Uri.EscapeDataString("Choose an application and an agent."));
                var result = await agents.AssignAsync(application, agentId, user.UserId(), ct);
                return result.Status == AdminAssignStatus.Assigned
                    ? Results.LocalRedirect("/admin/agents?saved=" + Uri.EscapeDataString($"Assigned {result.Assignment!.Title}."))
                    : Results.LocalRedirect("/admin/agents?error=" + Uri.EscapeDataString(result.Error ?? "It could not be assigned."));
            })
            .RequireAuthorization(Policies.Admin)
            .ExcludeFromDescription();
        return app;
    }
}
