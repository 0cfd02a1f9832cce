using System.Security.Claims;
using Jobsmith.Core;
using Jobsmith.Core.Applications;
using Jobsmith.Core.Applications.Approval;
using Jobsmith.Core.Applications.AutoApply;
using Jobsmith.Web.Auth;
using Microsoft.AspNetCore.Mvc;

namespace Jobsmith.Web.Components.Pages.Applications;

/// <summary>
/// The approval queue's and application page's buttons post here (cookie auth, antiforgery checked by form binding)
/// and return to the page they came from with what happened, so they work without JavaScript. A double-click's second
/// post finds the application already moved and says so instead of failing.
/// </summary>
public static class ApplicationFormEndpoints
{
    public static WebApplication MapApplicationFormEndpoints(this WebApplication app)
    {
        var forms = app.MapGroup("/applications").RequireAuthorization(Policies.Candidate).ExcludeFromDescription();
        forms.MapPost("/{id:guid}/approve", async (Guid id, [FromForm] int? revision, [FromForm] string? returnTo, Approvals approvals, ClaimsPrincipal user, CancellationToken ct) =>
            Back(returnTo, id, await approvals.ApproveAsync(user.UserId(), id, revision, ApplicationActor.Candidate(user.UserId()), ct), "approved"));
        forms.MapPost("/{id:guid}/reject", async (Guid id, [FromForm] int? revision, [FromForm] string? reason, [FromForm] string? returnTo, Approvals approvals, ClaimsPrincipal user, CancellationToken ct) =>
            Back(returnTo, id, await approvals.RejectAsync(user.UserId(), id, reason.Truncate(JobApplication.MaxDetails - 20), revision, ApplicationActor.Candidate(user.UserId()), ct), "rejected"));
        forms.MapPost("/{id:guid}/move", async (Guid id, [FromForm] string? state, [FromForm] string? details, [FromForm] int? revision, ApplicationService service, ClaimsPrincipal user, CancellationToken ct) =>
        {
            var moved = await service.MoveByCandidateAsync(user.UserId(), id, state ?? "", details.Truncate(JobApplication.MaxDetails), revision, ct);
            if (moved.Status == ApplicationMoveStatus.NotFound) return Results.NotFound();
            var page = $"/applications/{id}";
            return Results.LocalRedirect(moved.Status == ApplicationMoveStatus.Moved ? $"{page}?done=moved" : $"{page}?error={Uri.EscapeDataString(moved.Error ?? "Not possible now.")}");
        });
        forms.MapPost("/auto-apply", async (IFormCollection form, AutoApplyRules rules, ClaimsPrincipal user, CancellationToken ct) =>
        {
            // An unticked checkbox sends nothing: no "enabled" means off, no "channels" means none.
            static int Number(string? text) => int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 0;
            var change = new AutoApplyChange(form["enabled"] == "true", Number(form["minScore"]), Number(form["dailyCap"]), [.. form["channels"].OfType<string>()]);
            var (rule, errors) = await rules.SaveAsync(user.UserId(), change, ct);
            return Results.LocalRedirect(rule is not null
                ? "/applications?done=auto-apply"
                : $"/applications?error={Uri.EscapeDataString(string.Join(" ", errors.Values.SelectMany(e => e)))}");
        });
        return app;
    }

    // Only local pages are returned to; the application page is the fallback.
    private static IResult Back(string? returnTo, Guid id, ApprovalResult result, string done)
    {
        if (result.Status == ApprovalStatus.NotFound) return Results.NotFound();
        var page = returnTo is { Length: > 0 } r && r.StartsWith('/') && !r.StartsWith("//", StringComparison.Ordinal) && !r.Contains('\\', StringComparison.Ordinal)
            ? r : $"/applications/{id}";
        var separator = page.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        return Results.LocalRedirect(result.Status == ApprovalStatus.Done
            ? $"{page}{separator}done={done}"
            : $"{page}{separator}error={Uri.EscapeDataString(result.Error ?? "Not possible now.")}");
    }
}
