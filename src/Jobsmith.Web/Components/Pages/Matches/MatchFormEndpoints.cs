using Jobsmith.Core.Flags;
using System.Security.Claims;
using Jobsmith.Core.Matching.Store;
using Jobsmith.Web.Api;
using Jobsmith.Web.Auth;
using Microsoft.AspNetCore.Mvc;

namespace Jobsmith.Web.Components.Pages.Matches;

/// <summary>
/// The matches page's forms post here (cookie auth, antiforgery checked by form binding) and return to the page,
/// so running, rating and undoing work without JavaScript. Validation is the API's, so both say the same thing.
/// </summary>
public static class MatchFormEndpoints
{
    public static WebApplication MapMatchFormEndpoints(this WebApplication app)
    {
        var matches = app.MapGroup("/matches").RequireAuthorization(Policies.Candidate).ExcludeFromDescription();
        matches.MapPost("/run", async ([FromForm] int? top, MatchRunner runner, ClaimsPrincipal user, CancellationToken ct) =>
        {
            var n = top ?? MatchEndpoints.DefaultTop;
            if (n is < 1 or > MatchRunner.MaxTop) return Back($"Ask for between 1 and {MatchRunner.MaxTop} matches.");
            try
            {
                var run = await runner.RunAsync(user.UserId(), n, ct);
                return Results.LocalRedirect($"/matches?found={run.Matches.Count}");
            }
            catch (Exception ex) when (ex is ProfileNotReadyException or AgentSwitchedOffException)
            {
                return Back(ex.Message);
            }
        });
        matches.MapPost("/feedback", async ([FromForm] string? postingId, [FromForm] string? thumbs, [FromForm] string? reason, [FromForm] string? comment,
            [FromForm] string? returnUrl, FeedbackService feedback, ClaimsPrincipal user, CancellationToken ct) =>
        {
            if (new FeedbackRequest(postingId, thumbs, reason, comment).Parse(out var errors) is not { } parsed) return Back(errors.First().Value[0]);
            return await feedback.GiveAsync(user.UserId(), parsed.PostingId, parsed.ThumbsUp, parsed.Reason, parsed.Comment, ct) is null
                ? Results.NotFound()
                : Results.LocalRedirect(Return(returnUrl, parsed.PostingId));
        });
        matches.MapPost("/triage", async ([FromForm] Guid? postingId, [FromForm] string? action, [FromForm] string? returnUrl,
            MatchTriage triage, ClaimsPrincipal user, CancellationToken ct) =>
        {
            if (postingId is not { } id || !MatchTriage.IsAction(action)) return Back("Choose save, dismiss or restore for a match.");
            return await triage.ApplyAsync(user.UserId(), id, action!, ct) ? Results.LocalRedirect(Return(returnUrl, id)) : Results.NotFound();
        });
        matches.MapPost("/updates/{id:guid}/undo", async (Guid id, PreferenceUndo undo, ClaimsPrincipal user, CancellationToken ct) =>
            await undo.UndoAsync(user.UserId(), id, ct) is null ? Results.NotFound() : Results.LocalRedirect("/matches#learned"));
        return app;
    }

    // Back to the same view of the workspace with the match still selected; only our own /matches page is a target.
    private static string Return(string? returnUrl, Guid postingId) =>
        returnUrl is { } url && url.StartsWith("/matches?", StringComparison.Ordinal) && !url.Contains("//", StringComparison.Ordinal)
            ? url + "#detail"
            : $"/matches?view=all&id={postingId}#detail";

    private static IResult Back(string error) => Results.LocalRedirect($"/matches?error={Uri.EscapeDataString(error)}");
}
