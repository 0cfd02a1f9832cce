using System.Globalization;
using System.Security.Claims;
using Jobsmith.Core.Interviews;
using Jobsmith.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jobsmith.Web.Api;

/// <summary>
/// <c>startsAt</c> is the wall-clock time in <c>timeZone</c> ("2026-12-15T10:00"), as the employer wrote it; an offset
/// or "Z" in it is refused, since the zone says which offset applies on that day.
/// </summary>
public sealed record InterviewRequest(string? ApplicationId, string? StartsAt, string? TimeZone, int? DurationMinutes, string? Location, string? MeetingUrl, string? Notes, int? Revision);

public sealed record ParseInvitationRequest(string? Text, DateTimeOffset? Received);

/// <summary>
/// Interviews (G5): upcoming list, schedule, read, edit, cancel, the .ics download, and reading an invitation's text.
/// Candidate only, scoped to the signed-in user: another candidate's interview or application is simply not found.
/// </summary>
public static class InterviewEndpoints
{
    public const int MaxInvitationText = 50_000;

    public static RouteGroupBuilder MapInterviewEndpoints(this RouteGroupBuilder api)
    {
        var interviews = api.MapGroup("/interviews").WithTags("Interviews").RequireAuthorization(Policies.Candidate);
        interviews.MapGet("/", async (InterviewService service, ClaimsPrincipal user, int? take, CancellationToken ct) =>
            TypedResults.Ok(await service.UpcomingAsync(user.UserId(), take ?? 20, ct)));
        interviews.MapPost("/", ScheduleAsync);
        interviews.MapGet("/{id:guid}", async Task<Results<Ok<InterviewView>, NotFound>> (Guid id, InterviewService service, ClaimsPrincipal user, CancellationToken ct) =>
            await service.GetAsync(user.UserId(), id, ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound());
        interviews.MapPut("/{id:guid}", UpdateAsync);
        interviews.MapPost("/{id:guid}/cancel", async (Guid id, InterviewService service, ClaimsPrincipal user, CancellationToken ct) =>
            Answer(await service.CancelAsync(user.UserId(), id, ct), created: false));
        interviews.MapGet("/{id:guid}/ics", async Task<Results<FileContentHttpResult, NotFound>> (Guid id, InterviewService service, ClaimsPrincipal user, CancellationToken ct) =>
            await service.CalendarAsync(user.UserId(), id, ct) is { } file
                ? TypedResults.File(System.Text.Encoding.UTF8.GetBytes(file.Content), InterviewCalendar.ContentType + "; charset=utf-8", file.FileName)
                : TypedResults.NotFound());
        interviews.MapPost("/parse", Results<Ok<ParsedInvitation>, ValidationProblem> (ParseInvitationRequest? request, TimeProvider clock) =>
            request?.Text is not { Length: > 0 and <= MaxInvitationText } text
                ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["text"] = [$"text is required and at most {MaxInvitationText} characters."] })
                : TypedResults.Ok(InvitationParser.Parse(text, request.Received ?? clock.GetUtcNow())));

        api.MapGet("/applications/{id:guid}/interviews", async (Guid id, InterviewService service, ClaimsPrincipal user, CancellationToken ct) =>
            TypedResults.Ok(await service.ForApplicationAsync(user.UserId(), id, ct))).WithTags("Interviews").RequireAuthorization(Policies.Candidate);
        return api;
    }

    private static async Task<IResult> ScheduleAsync(InterviewRequest? request, InterviewService service, ClaimsPrincipal user, CancellationToken ct)
    {
        var validation = new Validation();
        if (!Guid.TryParse(request?.ApplicationId, out var applicationId)) validation.Add("applicationId", "applicationId must be the id of one of your applications.");
        var input = Input(request, validation);
        if (!validation.IsValid || input is null) return TypedResults.ValidationProblem(validation.Errors);
        return Answer(await service.ScheduleAsync(user.UserId(), applicationId, input, InterviewSources.Manual, ct), created: true);
    }

    private static async Task<IResult> UpdateAsync(Guid id, InterviewRequest? request, InterviewService service, ClaimsPrincipal user, CancellationToken ct)
    {
        var validation = new Validation();
        var input = Input(request, validation);
        if (!validation.IsValid || input is null) return TypedResults.ValidationProblem(validation.Errors);
        return Answer(await service.UpdateAsync(user.UserId(), id, input, request?.Revision, ct), created: false);
    }

    /// <summary>The request as a use-case input, or field errors; the use case checks the rest (zone, ranges, link).</summary>
    internal static InterviewInput? Input(InterviewRequest? request, Validation validation)
    {
        if (!TryLocal(request?.StartsAt, out var start)) validation.Add("startsAt", "startsAt must be a local date and time such as 2026-12-15T10:00 (no offset: timeZone gives it).");
        if (string.IsNullOrWhiteSpace(request?.TimeZone)) validation.Add("timeZone", "timeZone is required, e.g. Europe/Berlin.");
        if (!validation.IsValid || request is null) return null;
        return new InterviewInput(start, request.TimeZone!.Trim(), request.DurationMinutes ?? 60, request.Location, request.MeetingUrl, request.Notes);
    }

    internal static bool TryLocal(string? text, out DateTime local) =>
        DateTime.TryParseExact(text?.Trim(), ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out local);

    private static IResult Answer(InterviewResult result, bool created) => result.Outcome switch
    {
        InterviewOutcome.Done when created => TypedResults.Created($"/api/interviews/{result.Interview!.Id}", result.Interview),
        InterviewOutcome.Done => TypedResults.Ok(result.Interview),
        InterviewOutcome.NotFound => TypedResults.NotFound(),
        InterviewOutcome.Invalid => TypedResults.ValidationProblem(result.Errors!),
        InterviewOutcome.Conflict => TypedResults.Problem(result.Error, statusCode: StatusCodes.Status409Conflict, title: "Changed meanwhile"),
        _ => TypedResults.Problem(result.Error, statusCode: StatusCodes.Status409Conflict, title: "Not possible now"),
    };
}
