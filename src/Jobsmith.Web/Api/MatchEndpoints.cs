using Jobsmith.Core.Flags;
using System.Security.Claims;
using Jobsmith.Core.Matching.Store;
using Jobsmith.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jobsmith.Web.Api;

public sealed record MatchRunRequest(int? Top);

/// <summary>Thumbs is "up" or "down"; strings so a bad value is a 400 with field errors, not a binding failure.</summary>
public sealed record FeedbackRequest(string? PostingId, string? Thumbs, string? Reason, string? Comment)
{
    internal (Guid PostingId, bool ThumbsUp, string Reason, string? Comment)? Parse(out IDictionary<string, string[]> errors)
    {
        var v = new Validation();
        if (!Guid.TryParse(PostingId, out var postingId)) v.Add("postingId", "postingId must be the id of a posting shown to you.");
        if (Thumbs is not ("up" or "down")) v.Add("thumbs", "thumbs must be up or down.");
        var (reason, reasonError) = FeedbackReasons.ForRating(Thumbs == "up", Reason);
        if (Thumbs is "up" or "down" && reasonError is not null) v.Add("reason", reasonError);
        if (Comment?.Length > FeedbackService.MaxComment) v.Add("comment", $"comment must be at most {FeedbackService.MaxComment} characters.");
        errors = v.Errors;
        return v.IsValid ? (postingId, Thumbs == "up", reason!, Comment) : null;
    }
}

/// <summary>
/// Matches, feedback and learned preference updates (D2, D4, D5). Candidate only; every call is scoped to the
/// signed-in user, so another candidate's posting or update id is simply not found.
/// </summary>
public static class MatchEndpoints
{
    public const int DefaultTop = 20;

    public static RouteGroupBuilder MapMatchEndpoints(this RouteGroupBuilder api)
    {
        var matches = api.MapGroup("/matches").WithTags("Matching").RequireAuthorization(Policies.Candidate);
        matches.MapPost("/run", RunAsync);
        matches.MapGet("/", async (MatchQueries queries, ClaimsPrincipal user, CancellationToken ct) =>
            TypedResults.Ok(await queries.MatchesAsync(user.UserId(), 500, ct)));

        var feedback = api.MapGroup("/feedback").WithTags("Matching").RequireAuthorization(Policies.Candidate);
        feedback.MapPost("/", GiveFeedbackAsync);
        feedback.MapGet("/", async (MatchQueries queries, ClaimsPrincipal user, CancellationToken ct) =>
            TypedResults.Ok(await queries.FeedbackAsync(user.UserId(), ct)));

        var updates = api.MapGroup("/preference-updates").WithTags("Matching").RequireAuthorization(Policies.Candidate);
        updates.MapGet("/", async (MatchQueries queries, ClaimsPrincipal user, CancellationToken ct) =>
            TypedResults.Ok(await queries.UpdatesAsync(user.UserId(), ct)));
        updates.MapPost("/{id:guid}/undo", async Task<Results<Ok<PreferenceUpdateView>, NotFound>> (Guid id, PreferenceUndo undo, ClaimsPrincipal user, CancellationToken ct) =>
            await undo.UndoAsync(user.UserId(), id, ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound());
        return api;
    }

    private static async Task<Results<Ok<MatchRun>, ValidationProblem, ProblemHttpResult>> RunAsync(MatchRunRequest? request, MatchRunner runner, ClaimsPrincipal user, CancellationToken ct)
    {
        var top = request?.Top ?? DefaultTop;
        if (top is < 1 or > MatchRunner.MaxTop)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["top"] = [$"top must be between 1 and {MatchRunner.MaxTop}."] });
        try
        {
            return TypedResults.Ok(await runner.RunAsync(user.UserId(), top, ct));
        }
        catch (ProfileNotReadyException ex)
        {
            return TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status409Conflict, title: "Profile not ready",
                extensions: new Dictionary<string, object?> { ["missing"] = ex.Missing });
        }
        catch (AgentSwitchedOffException ex)
        {
            return TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status503ServiceUnavailable, title: "Matching is switched off");
        }
    }

    private static async Task<Results<Ok<FeedbackView>, ValidationProblem, NotFound>> GiveFeedbackAsync(
        FeedbackRequest request, FeedbackService service, ClaimsPrincipal user, CancellationToken ct)
    {
        if (request.Parse(out var errors) is not { } parsed) return TypedResults.ValidationProblem(errors);
        return await service.GiveAsync(user.UserId(), parsed.PostingId, parsed.ThumbsUp, parsed.Reason, parsed.Comment, ct) is { } view
            ? TypedResults.Ok(view) : TypedResults.NotFound();
    }
}
