using System.Security.Claims;
using Jobsmith.Core.Applications;
using Jobsmith.Core.Applications.Approval;
using Jobsmith.Core.Documents;
using Jobsmith.Web.Auth;
using Microsoft.AspNetCore.Mvc;

namespace Jobsmith.Web.Components.Pages.Documents;

/// <summary>
/// "Prepare application" on the matches and job pages, and the workspace's regenerate and approve buttons, post here
/// (cookie auth, antiforgery checked by form binding) and land on the workspace, so they work without JavaScript.
/// Editing posts to the workspace page itself, which re-renders with the typed text when the edit is refused.
/// </summary>
public static class DocumentFormEndpoints
{
    public static WebApplication MapDocumentFormEndpoints(this WebApplication app)
    {
        var documents = app.MapGroup("/documents").RequireAuthorization(Policies.Candidate).ExcludeFromDescription();
        documents.MapPost("/prepare", async ([FromForm] Guid? postingId, [FromForm] string? regenerate, DocumentService service, Approvals approvals,
            ClaimsPrincipal user, CancellationToken ct) =>
        {
            if (postingId is not { } id) return Results.LocalRedirect("/matches?error=" + Uri.EscapeDataString("Choose a match to prepare an application for."));
            var userId = user.UserId();
            var notAMatch = Results.LocalRedirect("/matches?error=" + Uri.EscapeDataString("Applications are prepared for postings among your matches: find matches first."));
            if (regenerate is not null && await service.GenerateAsync(userId, id, ct) is null) return notAMatch;
            // Preparing also opens the application and puts it in the approval queue (F2).
            return await approvals.PrepareAsync(userId, id, ApplicationActor.Candidate(userId), ct) is null
                ? notAMatch
                : Results.LocalRedirect(DocumentLinks.Workspace(id, DocumentKinds.Resume, regenerate is null ? null : "regenerated"));
        });
        documents.MapPost("/{id:guid}/approve", async (Guid id, DocumentService service, ClaimsPrincipal user, CancellationToken ct) =>
        {
            var change = await service.ApproveAsync(user.UserId(), id, ct);
            if (change.Document is not { } document) return Results.NotFound();
            var link = DocumentLinks.Version(document, change.Status == DocumentChangeStatus.Changed ? "approved" : null);
            return Results.LocalRedirect(change.Error is null ? link : $"{link}&error={Uri.EscapeDataString(change.Error)}");
        });
        return app;
    }
}
