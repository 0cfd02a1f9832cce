using Jobsmith.Core.Agents;
using Jobsmith.Core.Data;
using Jobsmith.Core.Jobs.Dedupe;
using Microsoft.EntityFrameworkCore;

namespace Jobsmith.Core.Jobs.Store;

/// <summary>The CLI contract's import summary: <c>{fetched, added, updated, duplicates, rejected, errors[]}</c>.</summary>
public sealed record ImportSummary(int Fetched, int Added, int Updated, int Duplicates, int Rejected, IReadOnlyList<string> Errors)
{
    /// <summary>Ids of every posting this run saw (added or updated), for expiry of the ones it did not.</summary>
    internal IReadOnlySet<Guid> SeenIds { get; init; } = new HashSet<Guid>();
}

/// <summary>
/// Saves an <see cref="IngestionResult"/>: upserts by (source, external id), so re-importing the same data
/// updates rather than adds; links each duplicate to its group's canonical posting (both stay stored), and
/// links a new posting whose canonical URL is already stored to that posting. Postings are written
/// <see cref="BatchSize"/> at a time, each batch in one transaction with its <c>job.postings_stored</c> event.
/// </summary>
public sealed class JobIngestionStore(AppDbContext db, EventPublisher events, TimeProvider clock, JobListCache lists)
{
    public const int BatchSize = 500;

    public async Task<ImportSummary> SaveAsync(IngestionResult result, CancellationToken cancellationToken, string? feed = null, IProgress<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var now = clock.GetUtcNow().UtcDateTime;
        var batch = result.Batch;
        // The same source id twice in one batch is one job: the later copy wins and the earlier counts as a duplicate.
        // Sorted so parallel runs write in the same order and cannot deadlock on each other's index entries.
        var unique = batch.Postings.GroupBy(PostingWriter.StoredKey, StringComparer.Ordinal).Select(g => g.Last())
            .OrderBy(PostingWriter.StoredKey, StringComparer.Ordinal).ToList();
        var stored = new Dictionary<string, PostingRef>(StringComparer.Ordinal);
        var writer = new PostingWriter(db, events, clock);
        int added = 0, updated = 0, done = 0;
        foreach (var chunk in unique.Chunk(BatchSize))
        {
            // A lost race (PostgreSQL breaking a deadlock between two runs) re-runs only this batch.
            var written = await UniqueViolation.RetryAsync(db, _ => writer.WriteAsync(chunk, feed, now, cancellationToken), cancellationToken);
            // After the batch's commit, so no reader can keep a page read before it.
            lists.Changed();
            foreach (var (key, posting) in written.Rows) stored[key] = posting;
            (added, updated) = (added + written.Added, updated + written.Updated);
            progress?.Report(done += chunk.Length);
        }
        // Same-id copies collapsed above were handled too: the bar ends at the count the caller started from.
        progress?.Report(batch.Postings.Count);
        var duplicates = await UniqueViolation.RetryAsync(db, async _ =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var count = await LinkAsync(result.Groups, stored, now, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return count;
        }, cancellationToken);
        return new ImportSummary(batch.Fetched, added, updated, duplicates, batch.Errors.Count, [.. batch.Errors.Select(e => e.ToString())])
        {
            SeenIds = stored.Values.Select(r => r.Id).ToHashSet(),
        };
    }

    private async Task<int> LinkAsync(IReadOnlyList<DuplicateGroup> groups, Dictionary<string, PostingRef> stored, DateTime now, CancellationToken cancellationToken)
    {
        PostingRef Ref(JobPosting p) => stored[PostingWriter.StoredKey(p)];
        var links = new Dictionary<Guid, (Guid Canonical, string Reason, string Detail)>();
        var count = 0;
        foreach (var group in groups)
        {
            var canonical = Ref(group.Canonical);
            foreach (var link in group.Duplicates)
            {
                count++;
                var member = Ref(link.Posting);
                if (member.Id != canonical.Id) links[member.Id] = (canonical.Id, link.Reason.ToString(), link.Detail);
            }
        }
        count += await LinkToStoredAsync(groups, stored, links, cancellationToken);
        if (links.Count == 0) return count;
        // One upsert: a link already stored keeps when it was first made and takes the newest canonical and reason.
        var rows = links.OrderBy(l => l.Key).Select(l => new PostingDuplicateLink
        {
            PostingId = l.Key, CanonicalId = l.Value.Canonical, Reason = l.Value.Reason, Detail = l.Value.Detail.Truncate(300), LinkedAt = now,
        }).ToList();
        await BulkUpsert.RunAsync(db, rows, LinkShape, cancellationToken);
        return count;
    }

    private static readonly UpsertShape LinkShape = new([nameof(PostingDuplicateLink.PostingId)], [nameof(PostingDuplicateLink.LinkedAt)], [], []);

    // A canonical posting of this batch whose job URL is already stored under another id (an earlier import from
    // another source) becomes a duplicate of that stored posting, so dedupe spans runs, not just one batch. The
    // same rule as within a batch (JobUrlRule) decides: same employer, and on a page shared by many jobs — by its
    // shape, or because this batch and the store together carry different titles at it — the same title and place.
    private async Task<int> LinkToStoredAsync(IReadOnlyList<DuplicateGroup> groups, Dictionary<string, PostingRef> stored,
        Dictionary<Guid, (Guid, string, string)> links, CancellationToken cancellationToken)
    {
        var byUrl = groups.Where(g => g.Canonical.CanonicalUrl is not null)
            .GroupBy(g => g.Canonical.CanonicalUrl!.AbsoluteUri, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(m => (Listing: UrlListing.Of(m.Canonical), Row: stored[PostingWriter.StoredKey(m.Canonical)]))
                .DistinctBy(m => m.Row.Id).ToList(), StringComparer.Ordinal);
        var batchIds = stored.Values.Select(r => r.Id).ToHashSet();
        var count = 0;
        foreach (var chunk in byUrl.Keys.Chunk(BatchSize))
        {
            // Only canonical postings are candidates: a stored posting that is itself linked as a duplicate (say, a
            // repost of this very row, first seen in the same run) must never become this row's canonical.
            var found = await db.Set<StoredPosting>().AsNoTracking()
                .Where(p => p.CanonicalUrl != null && chunk.Contains(p.CanonicalUrl) && !db.Set<PostingDuplicateLink>().Any(l => l.PostingId == p.Id))
                .Select(p => new { p.Id, p.CanonicalUrl, p.FirstSeenAt, p.Company, p.Title, p.LocationsJson }).ToListAsync(cancellationToken);
            foreach (var atUrl in found.Where(s => !batchIds.Contains(s.Id)).GroupBy(s => s.CanonicalUrl!, StringComparer.Ordinal))
            {
                var rows = byUrl[atUrl.Key];
                var earlier = atUrl.OrderBy(s => s.FirstSeenAt).ThenBy(s => s.Id)
                    .Select(s => (s.Id, s.FirstSeenAt, Listing: UrlListing.Of(s.Company, s.Title, PostingMapper.Strings(s.LocationsJson)))).ToList();
                var generic = JobUrlRule.IsGeneric(new Uri(atUrl.Key), rows.Select(r => r.Listing).Concat(earlier.Select(e => e.Listing)));
                foreach (var (listing, row) in rows)
                {
                    // The oldest matching stored posting; only ever an older one, so re-importing cannot create a cycle.
                    var match = earlier.FirstOrDefault(e => JobUrlRule.SameJob(e.Listing, listing, generic));
                    if (match.Listing is null || (match.FirstSeenAt, match.Id).CompareTo((row.FirstSeenAt, row.Id)) >= 0) continue;
                    links[row.Id] = (match.Id, nameof(DuplicateReason.SameCanonicalUrl), generic ? $"{atUrl.Key} (a shared page: same title and place)" : atUrl.Key);
                    count++;
                }
            }
        }
        return count;
    }
}
