using System.Security.Claims;
using Jobsmith.Core.HumanAgents;
using Jobsmith.Web.Auth;
using Microsoft.AspNetCore.Mvc;

namespace Jobsmith.Web.Components.Pages.HumanAgents;

/// <summary>
/// The work queue's forms post here (cookie auth, antiforgery checked by form binding) and return to a page, so
/// claiming, completing and returning work without JavaScript. The rules are Core's, as for the API.
/// </summary>
public static class AgentFormEndpoints
{
    public static WebApplication MapAgentFormEndpoints(this WebApplication app)
    {
        var forms = app.MapGroup("/agent/assignments").RequireAuthorization(Policies.HumanAgent).ExcludeFromDescription();
        forms.MapPost("/{id:guid}/claim", async (Guid id, AgentAssignments assignments, ClaimsPrincipal user, CancellationToken ct) =>
        {
            var result = await assignments.ClaimAsync(user.UserId(), id, ct);
            return result.Status == QueueStatus.Done ? Results.LocalRedirect($"/agent/assignments/{id}") : Back(result);
        });
        forms.MapPost("/{id:guid}/complete", async (Guid id, [FromForm] string? note, [FromForm] string? verdict, IFormFile? file,
            AgentAssignments assignments, ClaimsPrincipal user, CancellationToken ct) =>
        {
            ProofUpload? proof = null;
            if (file is { Length: > 0 })
            {
                if (ProofFiles.Check(file.FileName, file.Length) is { } error) return Results.LocalRedirect($"/agent/assignments/{id}?error={Uri.EscapeDataString(error)}#complete");
                using var buffer = new MemoryStream((int)file.Length);
                await file.CopyToAsync(buffer, ct);
                proof = new ProofUpload(file.FileName, buffer.ToArray());
            }
            var result = await assignments.CompleteAsync(user.UserId(), id, note, string.IsNullOrWhiteSpace(verdict) ? null : verdict, proof, ct);
            return result.Status == QueueStatus.Done ? Results.LocalRedirect("/agent/queue?done=completed") : Stay(id, result, "complete");
        });
        forms.MapPost("/{id:guid}/return", async (Guid id, [FromForm] string? notes, [FromForm] string? to, AgentAssignments assignments,
            ClaimsPrincipal user, CancellationToken ct) =>
        {
            var result = await assignments.ReturnAsync(user.UserId(), id, notes, to, ct);
            return result.Status == QueueStatus.Done ? Results.LocalRedirect("/agent/queue?done=returned") : Stay(id, result, "return");
        });
        return app;
    }

    private static IResult Back(QueueResult result) => result.Status == QueueStatus.NotFound
        ? Results.NotFound()
        : Results.LocalRedirect($"/agent/queue?error={Uri.EscapeDataString(result.Error ?? "That did not work.")}");

    private static IResult Stay(Guid id, QueueResult result, string section) => result.Status == QueueStatus.NotFound
        ? Results.NotFound()
        : Results.LocalRedirect($"/agent/assignments/{id}?error={Uri.EscapeDataString(result.Error ?? "That did not work.")}#{section}");
}
