using System.Security.Claims;
using Jobsmith.Core.Jobs.Fetching;
using Jobsmith.Core.Jobs.Search;
using Jobsmith.Web.Auth;
using Microsoft.AspNetCore.Mvc;

namespace Jobsmith.Web.Api;

/// <summary>The admin sources page posts here (works without JavaScript), then returns to the page.</summary>
public static class JobFormEndpoints
{
    public static WebApplication MapJobFormEndpoints(this WebApplication app)
    {
        app.MapPost("/admin/sources/{kind}", async (string kind, [FromForm] bool? enabled, [FromForm] int? intervalMinutes, [FromForm] string? targets,
                [FromForm] string? keyName, [FromForm] string? keyValue, SourceSettings settings, FetcherOptions fetching, ClaimsPrincipal user, CancellationToken ct) =>
            {
                if (!settings.IsKnown(kind)) return Results.NotFound();
                var keys = string.IsNullOrWhiteSpace(keyName) ? null : new Dictionary<string, string> { [keyName.Trim()] = keyValue ?? "" };
                var request = new SourceUpdateRequest(enabled, intervalMinutes,
                    targets?.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), keys);
                var errors = JobEndpoints.ValidateSource(request, fetching.AllowLoopbackForTests);
                if (errors.Count > 0) return Results.LocalRedirect($"/admin/sources?error={Uri.EscapeDataString(errors.First().Value[0])}#{kind}");
                await settings.UpdateAsync(kind, new SourceUpdate(request.Enabled, request.IntervalMinutes, request.Targets, request.Keys), user.UserId(), ct);
                return Results.LocalRedirect($"/admin/sources#{kind.ToLowerInvariant()}");
            })
            .RequireAuthorization(Policies.Admin)
            .ExcludeFromDescription();
        app.MapPost("/admin/sources/{kind}/run", async (string kind, SourceSettings settings, JobSchedules schedules, CancellationToken ct) =>
            {
                if (!settings.IsKnown(kind)) return Results.NotFound();
                await schedules.RunSourceNowAsync(kind.ToLowerInvariant(), ct);
                return Results.LocalRedirect($"/admin/sources?queued={Uri.EscapeDataString(kind.ToLowerInvariant())}#{kind.ToLowerInvariant()}");
            })
            .RequireAuthorization(Policies.Admin)
            .ExcludeFromDescription();
        return app;
    }
}
