using System.Security.Claims;
using Jobsmith.Core.Reports;
using Jobsmith.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jobsmith.Web.Api;

/// <summary>
/// Weekly reports (G4; seed API <c>/api/reports/</c>): list, latest, one, its chart image, and generate the current week
/// so far. Candidate only, scoped to the signed-in user.
/// </summary>
public static class ReportEndpoints
{
    public static RouteGroupBuilder MapReportEndpoints(this RouteGroupBuilder api)
    {
        var reports = api.MapGroup("/reports").WithTags("Reports").RequireAuthorization(Policies.Candidate);
        reports.MapGet("/", async (WeeklyReports service, ClaimsPrincipal user, int? take, CancellationToken ct) =>
            TypedResults.Ok(await service.ListAsync(user.UserId(), take ?? 26, ct)));
        reports.MapGet("/latest", async Task<Results<Ok<WeeklyReportView>, NotFound>> (WeeklyReports service, ClaimsPrincipal user, CancellationToken ct) =>
            await service.LatestAsync(user.UserId(), ct) is { } report ? TypedResults.Ok(report) : TypedResults.NotFound());
        reports.MapGet("/{id:guid}", async Task<Results<Ok<WeeklyReportView>, NotFound>> (Guid id, WeeklyReports service, ClaimsPrincipal user, CancellationToken ct) =>
            await service.GetAsync(user.UserId(), id, ct) is { } report ? TypedResults.Ok(report) : TypedResults.NotFound());
        reports.MapGet("/{id:guid}/chart.png", async Task<Results<FileContentHttpResult, NotFound>> (Guid id, WeeklyReports service, ClaimsPrincipal user, CancellationToken ct) =>
            await service.ChartAsync(user.UserId(), id, ct) is { } png ? TypedResults.File(png, "image/png") : TypedResults.NotFound());
        reports.MapPost("/generate", async Task<Results<Ok<WeeklyReportView>, NotFound>> (WeeklyReports service, ClaimsPrincipal user, CancellationToken ct) =>
            await service.GenerateNowAsync(user.UserId(), ct) is { } report ? TypedResults.Ok(report) : TypedResults.NotFound());
        return api;
    }
}
