using Jobsmith.Core.Data;
using Jobsmith.Core.Flags;
using Jobsmith.Core.Jobs.Dedupe;
using Jobsmith.Core.Jobs.Sources;
using Jobsmith.Core.Jobs.Store;
using Microsoft.EntityFrameworkCore;

namespace Jobsmith.Core.Jobs.Search;

/// <summary>
/// Runs a candidate's search: each title (and location) becomes a keyword query to each chosen, enabled source.
/// Keyword results are partial views of a source, so they never close postings; scheduled source runs do that.
/// </summary>
public sealed class JobSearchRunner(AppDbContext db, JobIngestion ingestion, JobIngestionStore store, SourceSettings settings,
    SourceRunner sources, DuplicateDetector duplicates, AgentSwitches switches, TimeProvider clock)
{
    /// <summary>
    /// The quota check before a run. Plans and their limits do not exist in this instance yet, so there is no limit to
    /// check: the run goes ahead and says so in its note rather than pretending a check happened.
    /// </summary>
    public const string NoPlanNote = "quota not checked: this candidate has no plan with a search limit";

    public const string SwitchedOffNote = "not run: the job-discovery agent is switched off";

    public async Task<string> RunAsync(Guid searchId, CancellationToken cancellationToken)
    {
        var search = await db.Set<JobSearch>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == searchId, cancellationToken);
        if (search is null) return "search not found";
        var notes = new List<string>();
        if (!search.Enabled) notes.Add("search is paused");
        else if (!await switches.IsOnAsync(FeatureFlagCatalog.JobDiscovery, cancellationToken)) notes.Add(SwitchedOffNote);
        else
        {
            notes.Add(NoPlanNote);
            await RunSourcesAsync(search, notes, cancellationToken);
        }
        var note = string.Join("; ", notes);
        var storedNote = note.Truncate(2000);
        await db.Set<JobSearch>().Where(s => s.Id == searchId).ExecuteUpdateAsync(
            s => s.SetProperty(x => x.LastRunAt, clock.GetUtcNow().UtcDateTime).SetProperty(x => x.LastRunNote, storedNote),
            cancellationToken);
        return note;
    }

    private async Task RunSourcesAsync(JobSearch search, List<string> notes, CancellationToken cancellationToken)
    {
        var titles = JobSearchService.List(search.TitlesJson);
        var locations = JobSearchService.List(search.LocationsJson) is { Count: > 0 } l ? l.Cast<string?>().ToList() : [null];
        foreach (var kind in JobSearchService.List(search.SourcesJson))
        {
            if (!await settings.IsEnabledAsync(kind, cancellationToken))
            {
                notes.Add($"{kind}: disabled");
                continue;
            }
            var credentials = await settings.CredentialsAsync(kind, cancellationToken);
            var target = await settings.TargetsAsync(kind, cancellationToken) is { Count: > 0 } t ? t[0] : "";
            int fetched = 0, added = 0;
            string? error = null;
            foreach (var title in titles)
            {
                foreach (var location in locations)
                {
                    var query = new JobSourceQuery(target) { Keywords = title, Location = location, Credentials = credentials };
                    var result = Filter(await ingestion.FetchAsync(kind, query, cancellationToken), search.RemoteOnly);
                    var summary = await store.SaveAsync(result, cancellationToken);
                    (fetched, added) = (fetched + summary.Fetched, added + summary.Added);
                    error ??= result.Batch.Errors.FirstOrDefault(e => e.Locator is null)?.Reason;
                }
            }
            await sources.RecordAsync(kind, fetched, added, error, cancellationToken);
            notes.Add(error is null ? $"{kind}: {fetched} fetched, {added} new" : $"{kind}: failed ({error})");
        }
    }

    // Remote-only searches keep postings that are remote or do not say; onsite and hybrid ones are not stored.
    private IngestionResult Filter(IngestionResult result, bool remoteOnly)
    {
        if (!remoteOnly) return result;
        var kept = result.Batch.Postings.Where(p => p.Remote is RemoteType.Remote or RemoteType.Unknown).ToList();
        return new IngestionResult(result.Batch with { Postings = kept }, duplicates.Group(kept));
    }
}
