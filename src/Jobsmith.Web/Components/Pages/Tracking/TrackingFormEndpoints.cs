using System.Security.Claims;
using Jobsmith.Core.Interviews;
using Jobsmith.Core.Reports;
using Jobsmith.Web.Api;
using Jobsmith.Web.Auth;
using Microsoft.AspNetCore.Mvc;

namespace Jobsmith.Web.Components.Pages.Tracking;

/// <summary>
/// The interview and report buttons post here (cookie auth, antiforgery checked by form binding) and return to the
/// page they came from with what happened, so they work without JavaScript (G4, G5).
/// </summary>
public static class TrackingFormEndpoints
{
    public static WebApplication MapTrackingFormEndpoints(this WebApplication app)
    {
        var forms = app.MapGroup("").RequireAuthorization(Policies.Candidate).ExcludeFromDescription();
        forms.MapPost("/applications/{id:guid}/interviews", async (Guid id, [FromForm] InterviewForm form, InterviewService service, ClaimsPrincipal user, CancellationToken ct) =>
        {
            var page = $"/applications/{id}";
            var validation = new Validation();
            var input = InterviewEndpoints.Input(form.Request(null), validation);
            if (input is null) return Back(page, error: First(validation.Errors));
            var result = await service.ScheduleAsync(user.UserId(), id, input, InterviewSources.Manual, ct);
            return result.Outcome == InterviewOutcome.NotFound ? Results.NotFound() : Back(page, result, "interview-scheduled");
        });
        forms.MapPost("/interviews/{id:guid}/edit", async (Guid id, [FromForm] InterviewForm form, InterviewService service, ClaimsPrincipal user, CancellationToken ct) =>
        {
            if (await service.GetAsync(user.UserId(), id, ct) is not { } current) return Results.NotFound();
            var page = $"/applications/{current.ApplicationId}";
            var validation = new Validation();
            var input = InterviewEndpoints.Input(form.Request(form.Revision), validation);
            if (input is null) return Back(page, error: First(validation.Errors));
            return Back(page, await service.UpdateAsync(user.UserId(), id, input, form.Revision, ct), "interview-saved");
        });
        forms.MapPost("/interviews/{id:guid}/cancel", async (Guid id, InterviewService service, ClaimsPrincipal user, CancellationToken ct) =>
        {
            var result = await service.CancelAsync(user.UserId(), id, ct);
            return result.Outcome == InterviewOutcome.NotFound ? Results.NotFound() : Back($"/applications/{result.Interview!.ApplicationId}", result, "interview-cancelled");
        });
        forms.MapPost("/reports/generate", async (WeeklyReports reports, ClaimsPrincipal user, CancellationToken ct) =>
            await reports.GenerateNowAsync(user.UserId(), ct) is { } report ? Results.LocalRedirect($"/reports/{report.Id}?done=generated") : Results.NotFound());
        return app;
    }

    private static IResult Back(string page, InterviewResult result, string done) => result.Outcome switch
    {
        InterviewOutcome.Done => Results.LocalRedirect($"{page}?done={done}"),
        InterviewOutcome.Invalid => Back(page, error: First(result.Errors!)),
        _ => Back(page, error: result.Error ?? "Not possible now."),
    };

    private static IResult Back(string page, string error) => Results.LocalRedirect($"{page}?error={Uri.EscapeDataString(error)}");

    private static string First(IDictionary<string, string[]> errors) => errors.Values.SelectMany(v => v).FirstOrDefault() ?? "Check the form.";

    private static string First(IReadOnlyDictionary<string, string[]> errors) => errors.Values.SelectMany(v => v).FirstOrDefault() ?? "Check the form.";
}

/// <summary>The interview form's fields as posted.</summary>
public sealed class InterviewForm
{
    public string? StartsAt { get; set; }
    public string? TimeZone { get; set; }
    public int? DurationMinutes { get; set; }
    public string? Location { get; set; }
    public string? MeetingUrl { get; set; }
    public string? Notes { get; set; }
    public int? Revision { get; set; }

    internal InterviewRequest Request(int? revision) => new(null, StartsAt, TimeZone, DurationMinutes, Location, MeetingUrl, Notes, revision);
}
