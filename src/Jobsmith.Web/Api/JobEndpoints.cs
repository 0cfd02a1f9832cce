using System.Globalization;
using System.Security.Claims;
using Jobsmith.Core.Jobs;
using Jobsmith.Core.Jobs.Fetching;
using Jobsmith.Core.Jobs.Search;
using Jobsmith.Core.Jobs.Store;
using Jobsmith.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Jobsmith.Web.Api;

/// <summary>Query string of the job list and search; strings here so a bad value is a 400 with field errors, not a binding failure.</summary>
public sealed record JobListParameters(string? Title, string? Location, string? Remote, string? SalaryMin, string? Source, string? Text,
    string? Status, string? Page, string? PageSize, string? Cursor = null)
{
    /// <summary>Builds the query, or returns the field errors.</summary>
    public (JobQuery? Query, IDictionary<string, string[]> Errors) Parse()
    {
        var errors = new Dictionary<string, string[]>();
        RemoteType? remote = null;
        if (!string.IsNullOrWhiteSpace(Remote))
        {
            if (Enum.TryParse<RemoteType>(Remote, ignoreCase: true, out var r) && !int.TryParse(Remote, out _)) remote = r;
            else errors["remote"] = ["remote must be remote, hybrid, onsite or unknown."];
        }
        var query = new JobQuery
        {
            Title = Title, Location = Location, Remote = remote, Source = Source, Text = Text,
            Status = string.IsNullOrWhiteSpace(Status) ? PostingStatus.Open : Status.Trim().ToLowerInvariant(),
            SalaryMin = Number(SalaryMin, "salaryMin", errors),
            Page = (int?)Number(Page, "page", errors) ?? 1,
            PageSize = (int?)Number(PageSize, "pageSize", errors) ?? 20,
            Cursor = Cursor,
        };
        foreach (var (field, messages) in query.Validate()) errors.TryAdd(field, messages);
        return errors.Count == 0 ? (query, errors) : (null, errors);
    }

    private static double? Number(string? value, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && double.IsFinite(n) && Math.Abs(n) < int.MaxValue) return n;
        errors[field] = [$"{field} must be a number."];
        return null;
    }
}

public sealed record SourceUpdateRequest(bool? Enabled, int? IntervalMinutes, IReadOnlyList<string>? Targets, Dictionary<string, string>? Keys);

public sealed record SearchRequest(IReadOnlyList<string>? Titles, IReadOnlyList<string>? Locations, bool? RemoteOnly, IReadOnlyList<string>? Sources, int? IntervalMinutes);

/// <summary>
/// Jobs API (C5-C7, seed 000): postings are shared across the instance, so every signed-in user may read them;
/// candidates manage their own standing searches; only admins manage sources.
/// </summary>
public static class JobEndpoints
{
    public static RouteGroupBuilder MapJobEndpoints(this RouteGroupBuilder api)
    {
        var jobs = api.MapGroup("/jobs").WithTags("Jobs").RequireAuthorization();
        jobs.MapGet("/", ListAsync);
        jobs.MapGet("/search", ListAsync);
        jobs.MapGet("/{id:guid}", async Task<Results<Ok<JobDetail>, NotFound>> (Guid id, JobQueries queries, CancellationToken ct) =>
            await queries.GetAsync(id, ct) is { } detail ? TypedResults.Ok(detail) : TypedResults.NotFound());

        var searches = api.MapGroup("/job-searches").WithTags("Jobs").RequireAuthorization(Policies.Candidate);
        searches.MapGet("/", async (JobSearchService service, ClaimsPrincipal user, CancellationToken ct) => TypedResults.Ok(await service.ListAsync(user.UserId(), ct)));
        searches.MapPost("/", CreateSearchAsync);
        searches.MapDelete("/{id:guid}", async Task<Results<NoContent, NotFound>> (Guid id, JobSearchService service, ClaimsPrincipal user, CancellationToken ct) =>
            await service.DeleteAsync(user.UserId(), id, ct) ? TypedResults.NoContent() : TypedResults.NotFound());

        var sources = api.MapGroup("/admin/sources").WithTags("Admin").RequireAuthorization(Policies.Admin);
        sources.MapGet("/", async (SourceSettings settings, CancellationToken ct) => TypedResults.Ok(await settings.ListAsync(ct)));
        sources.MapPut("/{kind}", UpdateSourceAsync);
        sources.MapPost("/{kind}/run", async Task<Results<Accepted, NotFound>> (string kind, SourceSettings settings, JobSchedules schedules, CancellationToken ct) =>
        {
            if (!settings.IsKnown(kind)) return TypedResults.NotFound();
            await schedules.RunSourceNowAsync(kind.ToLowerInvariant(), ct);
            return TypedResults.Accepted($"/api/admin/sources/{kind.ToLowerInvariant()}");
        });
        return api;
    }

    private static async Task<Results<Ok<JobPage>, ValidationProblem>> ListAsync([AsParameters] JobListParameters parameters, JobQueries queries, CancellationToken ct)
    {
        var (query, errors) = parameters.Parse();
        return query is null ? TypedResults.ValidationProblem(errors) : TypedResults.Ok(await queries.SearchAsync(query, ct));
    }

    private static async Task<Results<Ok<SourceView>, ValidationProblem, NotFound>> UpdateSourceAsync(
        string kind, SourceUpdateRequest request, SourceSettings settings, FetcherOptions fetching, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!settings.IsKnown(kind)) return TypedResults.NotFound();
        var errors = ValidateSource(request, fetching.AllowLoopbackForTests);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var update = new SourceUpdate(request.Enabled, request.IntervalMinutes, request.Targets, request.Keys);
        return TypedResults.Ok(await settings.UpdateAsync(kind, update, user.UserId(), ct));
    }

    internal static Dictionary<string, string[]> ValidateSource(SourceUpdateRequest request, bool allowLoopback)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.IntervalMinutes is { } i and not 0 && i is < SourceSettings.MinIntervalMinutes or > SourceSettings.MaxIntervalMinutes)
            errors["intervalMinutes"] = [$"intervalMinutes must be 0 (off) or between {SourceSettings.MinIntervalMinutes} and {SourceSettings.MaxIntervalMinutes}."];
        if (request.Targets is { } t && (t.Count > 50 || t.Any(x => x is null || x.Length > 500)))
            errors["targets"] = ["Give at most 50 targets (board names or URLs) of at most 500 characters."];
        else if (request.Targets?.Select(x => TargetPolicy.Problem(x, allowLoopback)).FirstOrDefault(p => p is not null) is { } refused)
            errors["targets"] = [refused];
        if (request.Keys is { } k && (k.Count > 10 || k.Any(p => p.Key.Length is 0 or > 50 || (p.Value?.Length ?? 0) > 500)))
            errors["keys"] = ["Give at most 10 keys, names up to 50 and values up to 500 characters."];
        return errors;
    }

    private static async Task<Results<Created<JobSearchView>, ValidationProblem>> CreateSearchAsync(
        SearchRequest request, JobSearchService service, ClaimsPrincipal user, CancellationToken ct)
    {
        var built = new JobSearchRequest(request.Titles ?? [], request.Locations ?? [], request.RemoteOnly ?? false, request.Sources ?? [], request.IntervalMinutes ?? 24 * 60);
        var errors = service.Validate(built);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var view = await service.CreateAsync(user.UserId(), built, ct);
        return TypedResults.Created($"/api/job-searches/{view.Id}", view);
    }
}
