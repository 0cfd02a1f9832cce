using Jobsmith.Core.Data;
using Jobsmith.Core.Jobs.Fetching;
using Jobsmith.Core.Jobs.Sources;
using Jobsmith.Core.Jobs.Store;
using Microsoft.Extensions.Logging;

namespace Jobsmith.Core.Jobs.Search;

public sealed record SourceRunResult(string Kind, bool Ran, int Fetched, int Added, int Updated, int Closed, string? Error);

/// <summary>
/// One run of a source over its configured targets (a full fetch of each board or feed), with the status kept per
/// source: last run, last success, last error, consecutive failures and whether its circuit breaker is open.
/// </summary>
public sealed class SourceRunner(AppDbContext db, JobIngestion ingestion, JobIngestionStore store, SourceSettings settings,
    PostingExpiry expiry, TimeProvider clock, ILogger<SourceRunner> logger)
{
    public async Task<SourceRunResult> RunAsync(string kind, CancellationToken cancellationToken)
    {
        if (!await settings.IsEnabledAsync(kind, cancellationToken))
            return new SourceRunResult(kind, false, 0, 0, 0, 0, "source is disabled");
        var targets = await settings.TargetsAsync(kind, cancellationToken);
        var credentials = await settings.CredentialsAsync(kind, cancellationToken);
        int fetched = 0, added = 0, updated = 0, closed = 0;
        string? error = null;
        // Keyless feeds (Remotive, RemoteOK, Arbeitnow) need no target: an empty one fetches the whole feed.
        foreach (var target in targets.Count == 0 ? [""] : targets)
        {
            var result = await ingestion.FetchAsync(kind, new JobSourceQuery(target) { Credentials = credentials }, cancellationToken);
            var summary = await store.SaveAsync(result, cancellationToken, feed: target);
            (fetched, added, updated) = (fetched + summary.Fetched, added + summary.Added, updated + summary.Updated);
            var failure = result.Batch.Errors.FirstOrDefault(e => e.Locator is null);
            if (failure is null) closed += await expiry.CloseVanishedAsync(kind, target, summary.SeenIds, cancellationToken);
            else error ??= failure.Reason;
        }
        closed += await expiry.CloseExpiredAsync(cancellationToken);
        await RecordAsync(kind, fetched, added, error, cancellationToken);
        if (logger.IsEnabled(LogLevel.Information))
            logger.LogInformation("Source {Kind} run: {Fetched} fetched, {Added} added, {Closed} closed, error: {Error}", kind, fetched, added, closed, error ?? "none");
        return new SourceRunResult(kind, true, fetched, added, updated, closed, error);
    }

    /// <summary>Updates a source's status after any run, scheduled or part of a candidate search.</summary>
    internal async Task RecordAsync(string kind, int fetched, int added, string? error, CancellationToken cancellationToken)
    {
        // Read again: saving postings clears the change tracker, so a row loaded before the fetch is detached.
        var row = await settings.RowAsync(kind, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        row.LastRunAt = now;
        row.LastFetched = fetched;
        row.LastAdded = added;
        if (error is null)
        {
            row.LastSuccessAt = now;
            row.ConsecutiveFailures = 0;
            row.CircuitState = CircuitStates.Closed;
        }
        else
        {
            row.LastError = error.Truncate(2000);
            row.ConsecutiveFailures++;
            row.CircuitState = error.Contains(SafeHttpFetcher.CircuitOpenPhrase, StringComparison.Ordinal) ? CircuitStates.Open : CircuitStates.Closed;
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
