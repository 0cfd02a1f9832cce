using System.Security.Claims;
using Jobsmith.Core.Documents;
using Jobsmith.Core.Documents.Rendering;
using Jobsmith.Core.HumanAgents;
using Jobsmith.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Jobsmith.Web.Api;

public sealed record ReturnAssignmentRequest(string? Notes, string? To);

/// <summary>A human agent's work queue (F5): only their own assignments, and the material only of a claimed one.</summary>
public static class HumanAgentEndpoints
{
    public static RouteGroupBuilder MapHumanAgentEndpoints(this RouteGroupBuilder api)
    {
        var queue = api.MapGroup("/agent/assignments").WithTags("Human agents").RequireAuthorization(Policies.HumanAgent);
        queue.MapGet("/", async (AgentAssignments assignments, ClaimsPrincipal user, CancellationToken ct) =>
            TypedResults.Ok(await assignments.ListAsync(user.UserId(), ct)));
        queue.MapGet("/{id:guid}", OpenAsync);
        queue.MapPost("/{id:guid}/claim", async (Guid id, AgentAssignments assignments, ClaimsPrincipal user, CancellationToken ct) =>
            ToResult(await assignments.ClaimAsync(user.UserId(), id, ct)));
        // Multipart without the form antiforgery check: bearer calls need none, and CookieCsrfFilter guards cookie calls.
        queue.MapPost("/{id:guid}/complete", CompleteAsync).DisableAntiforgery();
        queue.MapPost("/{id:guid}/return", async (Guid id, ReturnAssignmentRequest? request, AgentAssignments assignments, ClaimsPrincipal user, CancellationToken ct) =>
            ToResult(await assignments.ReturnAsync(user.UserId(), id, request?.Notes, request?.To, ct)));
        queue.MapGet("/{id:guid}/screenshot", async Task<Results<PhysicalFileHttpResult, NotFound>> (Guid id, AgentAssignments assignments, ClaimsPrincipal user, CancellationToken ct) =>
            await assignments.ScreenshotAsync(user.UserId(), id, ct) is { } path
                ? TypedResults.PhysicalFile(path, ProofFiles.ContentTypeOf(path))
                : TypedResults.NotFound());
        // The prepared resume and cover letter as files, so the agent uploads exactly what the candidate approved.
        queue.MapGet("/{id:guid}/documents/{documentId:guid}/pdf", (Guid id, Guid documentId, string? template, AgentAssignments assignments, IServiceProvider services,
            ClaimsPrincipal user, CancellationToken ct) => MaterialFileAsync(id, documentId, template, (r, d, t) => r.PdfAsync(d, t, ct), assignments, services, user, ct));
        queue.MapGet("/{id:guid}/documents/{documentId:guid}/docx", (Guid id, Guid documentId, string? template, AgentAssignments assignments, IServiceProvider services,
            ClaimsPrincipal user, CancellationToken ct) => MaterialFileAsync(id, documentId, template, (r, d, t) => r.DocxAsync(d, t, ct), assignments, services, user, ct));
        return api;
    }

    private static async Task<IResult> MaterialFileAsync(Guid id, Guid documentId, string? template, Func<IDocumentRenderer, DocumentView, string?, Task<RenderedFile>> render,
        AgentAssignments assignments, IServiceProvider services, ClaimsPrincipal user, CancellationToken ct) =>
        await assignments.DocumentAsync(user.UserId(), id, documentId, ct) is { } document
            ? await DocumentEndpoints.FileAsync(document, template, render, services)
            : TypedResults.NotFound();

    private static async Task<Results<Ok<AssignmentMaterial>, NotFound, ProblemHttpResult>> OpenAsync(
        Guid id, AgentAssignments assignments, ClaimsPrincipal user, CancellationToken ct)
    {
        if (await assignments.OpenAsync(user.UserId(), id, ct) is { } material) return TypedResults.Ok(material);
        return await assignments.GetAsync(user.UserId(), id, ct) is { } card
            ? TypedResults.Problem(card.IsOpen ? "Claim the assignment to see the candidate's material." : $"This assignment is {card.Status}.",
                statusCode: StatusCodes.Status409Conflict, title: "Not claimed")
            : TypedResults.NotFound();
    }

    private static async Task<IResult> CompleteAsync(Guid id, [FromForm] string? note, [FromForm] string? verdict, IFormFile? file,
        AgentAssignments assignments, ClaimsPrincipal user, CancellationToken ct)
    {
        ProofUpload? proof = null;
        if (file is { Length: > 0 })
        {
            if (ProofFiles.Check(file.FileName, file.Length) is { } error)
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = [error] });
            using var buffer = new MemoryStream((int)file.Length);
            await file.CopyToAsync(buffer, ct);
            proof = new ProofUpload(file.FileName, buffer.ToArray());
        }
        return ToResult(await assignments.CompleteAsync(user.UserId(), id, note, string.IsNullOrWhiteSpace(verdict) ? null : verdict.Trim(), proof, ct));
    }

    internal static IResult ToResult(QueueResult result) => result.Status switch
    {
        QueueStatus.Done => TypedResults.Ok(result.Assignment),
        QueueStatus.NotFound => TypedResults.NotFound(),
        QueueStatus.Invalid => TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["request"] = [result.Error ?? "Invalid request."] }),
        _ => TypedResults.Problem(result.Error, statusCode: StatusCodes.Status409Conflict, title: "Conflict"),
    };
}
