using System.Security.Claims;
using Jobsmith.Core.Applications;
using Jobsmith.Core.Applications.Approval;
using Jobsmith.Core.Applications.AutoApply;
using Jobsmith.Core.Applications.Submission;
using Jobsmith.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Jobsmith.Web.Api;

/// <summary>PostingId is a string so a malformed id is a 400 with a field error, not a binding failure.</summary>
public sealed record CreateApplicationRequest(string? PostingId);

/// <summary>A move by hand: withdraw, try again, "I applied", or the employer's news; <c>revision</c> guards against a stale page.</summary>
public sealed record UpdateApplicationRequest(string? State, string? Details, int? Revision);

public sealed record ApproveApplicationRequest(int? Revision);

public sealed record RejectApplicationRequest(string? Reason, int? Revision);

/// <summary>The candidate's auto-apply rule; a field left out keeps its current value.</summary>
public sealed record AutoApplyRequest(bool? Enabled, int? MinScore, int? DailyCap, string[]? Channels);

/// <summary>
/// Applications (F1, F2, F7; seed API <c>/api/applications/</c>): list by tab, read with log, attempts and proof,
/// create (prepare drafts and wait for approval), approve, reject, move by hand, and fetch a proof file. Candidate only,
/// scoped to the signed-in user: another candidate's application is simply not found. Nothing here sends: an approved
/// application is queued and the submission worker sends it.
/// </summary>
public static class ApplicationEndpoints
{
    public static RouteGroupBuilder MapApplicationEndpoints(this RouteGroupBuilder api)
    {
        var applications = api.MapGroup("/applications").WithTags("Applications").RequireAuthorization(Policies.Candidate);
        applications.MapGet("/", ListAsync);
        applications.MapPost("/", CreateAsync);
        applications.MapGet("/approvals", async (Approvals approvals, ClaimsPrincipal user, CancellationToken ct) =>
            TypedResults.Ok(await approvals.ListAsync(user.UserId(), ct)));
        applications.MapGet("/auto-apply", async (AutoApplyRules rules, ClaimsPrincipal user, CancellationToken ct) =>
            TypedResults.Ok(await rules.GetAsync(user.UserId(), ct)));
        applications.MapPut("/auto-apply", SaveAutoApplyAsync);
        applications.MapGet("/{id:guid}", async Task<Results<Ok<ApplicationPage>, NotFound>> (Guid id, ApplicationQueries queries, ClaimsPrincipal user, CancellationToken ct) =>
            await queries.PageAsync(user.UserId(), id, ct) is { } page ? TypedResults.Ok(page) : TypedResults.NotFound());
        applications.MapGet("/{id:guid}/logs", async Task<Results<Ok<IReadOnlyList<ApplicationLogView>>, NotFound>> (Guid id, ApplicationService service, ClaimsPrincipal user, CancellationToken ct) =>
            await service.GetAsync(user.UserId(), id, ct) is { } detail ? TypedResults.Ok(detail.Log) : TypedResults.NotFound());
        applications.MapPut("/{id:guid}", UpdateAsync);
        applications.MapPost("/{id:guid}/approve", async (Guid id, ApproveApplicationRequest? request, Approvals approvals, ClaimsPrincipal user, CancellationToken ct) =>
            Answer(await approvals.ApproveAsync(user.UserId(), id, request?.Revision, ApplicationActor.Candidate(user.UserId()), ct)));
        applications.MapPost("/{id:guid}/reject", async (Guid id, RejectApplicationRequest? request, Approvals approvals, ClaimsPrincipal user, CancellationToken ct) =>
            request?.Reason is { Length: > JobApplication.MaxDetails - 20 }
                ? Results.ValidationProblem(new Dictionary<string, string[]> { ["reason"] = [$"reason must be at most {JobApplication.MaxDetails - 20} characters."] })
                : Answer(await approvals.RejectAsync(user.UserId(), id, request?.Reason, request?.Revision, ApplicationActor.Candidate(user.UserId()), ct)));
        applications.MapGet("/{id:guid}/proof/{proofId:guid}", async Task<Results<FileContentHttpResult, NotFound>> (Guid id, Guid proofId, ProofStore proofs, ClaimsPrincipal user, CancellationToken ct) =>
            await proofs.ReadAsync(user.UserId(), id, proofId, ct) is { } file
                // Screenshots show inline on the application page; anything else downloads.
                ? TypedResults.File(file.Content, file.View.ContentType, file.View.ContentType == "image/png" ? null : file.View.FileName)
                : TypedResults.NotFound());
        return api;
    }

    private static async Task<Results<Ok<AutoApplyView>, ValidationProblem>> SaveAutoApplyAsync(AutoApplyRequest? request, AutoApplyRules rules, ClaimsPrincipal user, CancellationToken ct)
    {
        var current = await rules.GetAsync(user.UserId(), ct);
        var change = new AutoApplyChange(request?.Enabled ?? current.Enabled, request?.MinScore ?? current.MinScore, request?.DailyCap ?? current.DailyCap,
            request?.Channels ?? [.. current.Channels]);
        var (rule, errors) = await rules.SaveAsync(user.UserId(), change, ct);
        return rule is null ? TypedResults.ValidationProblem(errors) : TypedResults.Ok(rule);
    }

    private static async Task<Results<Ok<ApplicationList>, ValidationProblem>> ListAsync(string? tab, int? page, ApplicationQueries queries, ClaimsPrincipal user, CancellationToken ct)
    {
        if (tab is not null && ApplicationTabs.All.All(t => t.Tab != tab))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["tab"] = [$"tab must be one of: {string.Join(", ", ApplicationTabs.All.Select(t => t.Tab))}."] });
        if (page is < 1 or > 100_000) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["page"] = ["page must be between 1 and 100000."] });
        var (rows, total) = await queries.ListAsync(user.UserId(), tab, page ?? 1, ct);
        return TypedResults.Ok(new ApplicationList(rows, total, page ?? 1, ApplicationQueries.PageSize, await queries.TabCountsAsync(user.UserId(), ct)));
    }

    private static async Task<Results<Created<ApplicationView>, ValidationProblem, NotFound<ProblemDetails>>> CreateAsync(
        CreateApplicationRequest? request, Approvals approvals, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!Guid.TryParse(request?.PostingId, out var postingId))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["postingId"] = ["postingId must be the id of one of your matches."] });
        return await approvals.PrepareAsync(user.UserId(), postingId, ApplicationActor.Candidate(user.UserId()), ct) is { } created
            ? TypedResults.Created($"/api/applications/{created.Id}", created)
            : TypedResults.NotFound(new ProblemDetails { Status = 404, Title = "Not one of your matches", Detail = "Applications are made for postings among your matches." });
    }

    private static async Task<IResult> UpdateAsync(Guid id, UpdateApplicationRequest? request, ApplicationService service, ClaimsPrincipal user, CancellationToken ct)
    {
        if (request?.State is not { Length: > 0 } state || !ApplicationStates.IsKnown(state))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["state"] = [$"state must be one of: {string.Join(", ", ApplicationStates.All)}."] });
        if (request.Details is { Length: > JobApplication.MaxDetails })
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["details"] = [$"details must be at most {JobApplication.MaxDetails} characters."] });
        var moved = await service.MoveByCandidateAsync(user.UserId(), id, state, request.Details, request.Revision, ct);
        return moved.Status switch
        {
            ApplicationMoveStatus.Moved => TypedResults.Ok(moved.Application),
            ApplicationMoveStatus.NotFound => TypedResults.NotFound(),
            ApplicationMoveStatus.Conflict => TypedResults.Problem(moved.Error, statusCode: StatusCodes.Status409Conflict, title: "Changed meanwhile",
                extensions: new Dictionary<string, object?> { ["application"] = moved.Application }),
            _ => TypedResults.Problem(moved.Error, statusCode: StatusCodes.Status409Conflict, title: "Not allowed from this state",
                extensions: new Dictionary<string, object?> { ["application"] = moved.Application }),
        };
    }

    private static IResult Answer(ApprovalResult result) => result.Status switch
    {
        ApprovalStatus.Done => TypedResults.Ok(result.Application),
        ApprovalStatus.NotFound => TypedResults.NotFound(),
        ApprovalStatus.Conflict => TypedResults.Problem(result.Error, statusCode: StatusCodes.Status409Conflict, title: "Changed meanwhile",
            extensions: new Dictionary<string, object?> { ["application"] = result.Application }),
        _ => TypedResults.Problem(result.Error, statusCode: StatusCodes.Status409Conflict, title: "Not possible now",
            extensions: new Dictionary<string, object?> { ["application"] = result.Application }),
    };
}

public sealed record ApplicationList(IReadOnlyList<ApplicationRow> Items, int Total, int Page, int PageSize, IReadOnlyDictionary<string, int> Tabs);
