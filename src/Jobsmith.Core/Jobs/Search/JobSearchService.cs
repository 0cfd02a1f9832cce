using System.Text.Json;
using Jobsmith.Core.Data;
using Jobsmith.Core.Jobs.Sources;
using Microsoft.EntityFrameworkCore;

namespace Jobsmith.Core.Jobs.Search;

/// <summary>The simple request a search is built from today (preferences will produce the same shape).</summary>
public sealed record JobSearchRequest(IReadOnlyList<string> Titles, IReadOnlyList<string> Locations, bool RemoteOnly, IReadOnlyList<string> Sources, int IntervalMinutes);

public sealed record JobSearchView(Guid Id, IReadOnlyList<string> Titles, IReadOnlyList<string> Locations, bool RemoteOnly, IReadOnlyList<string> Sources,
    int IntervalMinutes, bool Enabled, DateTime CreatedAt, DateTime? LastRunAt, string? LastRunNote);

/// <summary>Creates and lists a candidate's standing searches (C6) and keeps their Quartz schedules in step.</summary>
public sealed class JobSearchService(AppDbContext db, JobSourceCatalog catalog, JobSchedules schedules, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Field → messages; empty when the request is valid.</summary>
    public IDictionary<string, string[]> Validate(JobSearchRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.Titles.Count is 0 or > 10 || request.Titles.Any(t => string.IsNullOrWhiteSpace(t) || t.Length > 200))
            errors["titles"] = ["Give 1 to 10 titles of at most 200 characters."];
        if (request.Locations.Count > 10 || request.Locations.Any(l => string.IsNullOrWhiteSpace(l) || l.Length > 200))
            errors["locations"] = ["Give at most 10 locations of at most 200 characters."];
        var known = catalog.Descriptors.Select(d => d.Kind).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (request.Sources.Count == 0 || request.Sources.Any(s => !known.Contains(s)))
            errors["sources"] = [$"Give one or more of: {string.Join(", ", known.Order(StringComparer.Ordinal))}."];
        if (request.IntervalMinutes is < SourceSettings.MinIntervalMinutes or > SourceSettings.MaxIntervalMinutes)
            errors["intervalMinutes"] = [$"intervalMinutes must be between {SourceSettings.MinIntervalMinutes} and {SourceSettings.MaxIntervalMinutes}."];
        return errors;
    }

    public async Task<JobSearchView> CreateAsync(string userId, JobSearchRequest request, CancellationToken cancellationToken)
    {
        var search = new JobSearch
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()),
            UserId = userId,
            TitlesJson = JsonSerializer.Serialize(request.Titles.Select(t => t.Trim()), Json),
            LocationsJson = JsonSerializer.Serialize(request.Locations.Select(l => l.Trim()), Json),
            RemoteOnly = request.RemoteOnly,
            SourcesJson = JsonSerializer.Serialize(request.Sources.Select(s => s.ToLowerInvariant()).Distinct(), Json),
            IntervalMinutes = request.IntervalMinutes,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Set<JobSearch>().Add(search);
        await db.SaveChangesAsync(cancellationToken);
        await schedules.ScheduleSearchAsync(search.Id, search.IntervalMinutes, cancellationToken);
        return View(search);
    }

    public async Task<IReadOnlyList<JobSearchView>> ListAsync(string userId, CancellationToken cancellationToken) =>
        [.. (await db.Set<JobSearch>().AsNoTracking().Where(s => s.UserId == userId).OrderBy(s => s.CreatedAt).ToListAsync(cancellationToken)).Select(View)];

    /// <summary>Deletes a candidate's own search; false when it is not theirs or does not exist.</summary>
    public async Task<bool> DeleteAsync(string userId, Guid id, CancellationToken cancellationToken)
    {
        var search = await db.Set<JobSearch>().FirstOrDefaultAsync(s => s.Id == id && s.UserId == userId, cancellationToken);
        if (search is null) return false;
        db.Set<JobSearch>().Remove(search);
        await db.SaveChangesAsync(cancellationToken);
        await schedules.ScheduleSearchAsync(id, null, cancellationToken);
        return true;
    }

    /// <summary>Queues a run of the candidate's own search now; false when it is not theirs or does not exist.</summary>
    public async Task<bool> RunNowAsync(string userId, Guid id, CancellationToken cancellationToken)
    {
        if (!await db.Set<JobSearch>().AnyAsync(s => s.Id == id && s.UserId == userId, cancellationToken)) return false;
        await schedules.RunSearchNowAsync(id, cancellationToken);
        return true;
    }

    /// <summary>The sources a search can run against: all but the file and paste importers, which have nothing to query.</summary>
    public IReadOnlyList<SourceDescriptor> SearchableSources =>
        [.. catalog.Descriptors.Where(d => d.Kind is not (CsvFileSource.Kind or PasteSource.Kind or JsonResumeJobSource.Kind))];

    internal static IReadOnlyList<string> List(string json) => JsonSerializer.Deserialize<List<string>>(json, Json) ?? [];

    private static JobSearchView View(JobSearch s) => new(s.Id, List(s.TitlesJson), List(s.LocationsJson), s.RemoteOnly, List(s.SourcesJson),
        s.IntervalMinutes, s.Enabled, s.CreatedAt, s.LastRunAt, s.LastRunNote);
}
