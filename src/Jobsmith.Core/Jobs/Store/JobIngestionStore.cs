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
/// links a new posting whose canonical URL is already stored to that posting.
/// </summary>
public sealed class JobIngestionStore(AppDbContext db, TimeProvider clock)
{
    private const int Chunk = 400;

    public async Task<ImportSummary> SaveAsync(IngestionResult result, CancellationToken cancellationToken, string? feed = null)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var batch = result.Batch;
        // The same source id twice in one batch is one job: the later copy wins and the earlier counts as a duplicate.
        // Sorted so parallel runs insert in the same order and cannot deadlock on each other's index entries.
        var unique = batch.Postings.GroupBy(p => p.Key, StringComparer.Ordinal).Select(g => g.Last()).OrderBy(p => p.Key, StringComparer.Ordinal).ToList();
        // A parallel run (a source run and a candidate's search) may insert the same new posting first; the unique
        // (source, external id) index stops the second insert, and the retry re-reads and updates that row instead.
        return await UniqueViolation.RetryAsync(db, async _ =>
        {
            var rows = await LoadAsync(unique, cancellationToken);
            int added = 0, updated = 0;
            foreach (var posting in unique)
            {
                var key = posting.Key;
                if (rows.TryGetValue(key, out var row))
                {
                    updated++;
                    if (row.Status == PostingStatus.Closed) Reopen(row);
                }
                else
                {
                    row = new StoredPosting { Id = Guid.CreateVersion7(clock.GetUtcNow()), FirstSeenAt = now };
                    db.Set<StoredPosting>().Add(row);
                    rows[key] = row;
                    added++;
                }
                PostingMapper.Apply(row, posting, PostingMapper.Hash(posting), feed);
                row.LastSeenAt = now;
            }
            var duplicates = await LinkAsync(result.Groups, rows, now, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return new ImportSummary(batch.Fetched, added, updated, duplicates, batch.Errors.Count, [.. batch.Errors.Select(e => e.ToString())])
            {
                SeenIds = rows.Values.Select(r => r.Id).ToHashSet(),
            };
        }, cancellationToken);
    }

    private static void Reopen(StoredPosting row)
    {
        row.Status = PostingStatus.Open;
        row.ClosedReason = null;
        row.ClosedAt = null;
    }

    private async Task<Dictionary<string, StoredPosting>> LoadAsync(IReadOnlyList<JobPosting> postings, CancellationToken cancellationToken)
    {
        var rows = new Dictionary<string, StoredPosting>(StringComparer.Ordinal);
        foreach (var bySource in postings.GroupBy(p => p.SourceKind))
        {
            foreach (var chunk in bySource.Select(p => p.ExternalId).Distinct().Chunk(Chunk))
            {
                var found = await db.Set<StoredPosting>().Where(p => p.SourceKind == bySource.Key && chunk.Contains(p.ExternalId)).ToListAsync(cancellationToken);
                foreach (var row in found) rows[$"{row.SourceKind}:{row.ExternalId}"] = row;
            }
        }
        return rows;
    }

    private async Task<int> LinkAsync(IReadOnlyList<DuplicateGroup> groups, Dictionary<string, StoredPosting> rows, DateTime now, CancellationToken cancellationToken)
    {
        var links = new Dictionary<Guid, (Guid Canonical, string Reason, string Detail)>();
        var count = 0;
        foreach (var group in groups)
        {
            var canonical = rows[group.Canonical.Key];
            foreach (var link in group.Duplicates)
            {
                count++;
                var member = rows[link.Posting.Key];
                if (member.Id != canonical.Id) links[member.Id] = (canonical.Id, link.Reason.ToString(), link.Detail);
            }
        }
        count += await LinkToStoredAsync(groups, rows, links, cancellationToken);
        if (links.Count == 0) return count;
        var ids = links.Keys.ToList();
        var existing = new Dictionary<Guid, PostingDuplicateLink>();
        foreach (var chunk in ids.Chunk(Chunk))
            foreach (var row in await db.Set<PostingDuplicateLink>().Where(l => chunk.Contains(l.PostingId)).ToListAsync(cancellationToken))
                existing[row.PostingId] = row;
        foreach (var (postingId, (canonicalId, reason, detail)) in links)
        {
            if (!existing.TryGetValue(postingId, out var row))
            {
                row = new PostingDuplicateLink { PostingId = postingId, LinkedAt = now };
                db.Set<PostingDuplicateLink>().Add(row);
            }
            row.CanonicalId = canonicalId;
            row.Reason = reason;
            row.Detail = detail.Truncate(300);
        }
        return count;
    }

    // A canonical posting of this batch whose canonical URL is already stored under another id (an earlier import
    // from another source) becomes a duplicate of that stored posting, so dedupe spans runs, not just one batch.
    private async Task<int> LinkToStoredAsync(IReadOnlyList<DuplicateGroup> groups, Dictionary<string, StoredPosting> rows,
        Dictionary<Guid, (Guid, string, string)> links, CancellationToken cancellationToken)
    {
        var byUrl = groups.Where(g => g.Canonical.CanonicalUrl is not null)
            .GroupBy(g => g.Canonical.CanonicalUrl!.AbsoluteUri, StringComparer.Ordinal).ToDictionary(g => g.Key, g => rows[g.First().Canonical.Key]);
        var batchIds = rows.Values.Select(r => r.Id).ToHashSet();
        var count = 0;
        foreach (var chunk in byUrl.Keys.Chunk(Chunk))
        {
            // Only canonical postings are candidates: a stored posting that is itself linked as a duplicate (say, a
            // repost of this very row, first seen in the same run) must never become this row's canonical.
            var stored = await db.Set<StoredPosting>().AsNoTracking()
                .Where(p => p.CanonicalUrl != null && chunk.Contains(p.CanonicalUrl) && !db.Set<PostingDuplicateLink>().Any(l => l.PostingId == p.Id))
                .Select(p => new { p.Id, p.CanonicalUrl, p.FirstSeenAt }).ToListAsync(cancellationToken);
            foreach (var earlier in stored.Where(s => !batchIds.Contains(s.Id)).GroupBy(s => s.CanonicalUrl!).Select(g => g.OrderBy(s => s.FirstSeenAt).ThenBy(s => s.Id).First()))
            {
                var row = byUrl[earlier.CanonicalUrl!];
                // Only ever link to an older posting, so re-importing the older source cannot create a cycle.
                if ((earlier.FirstSeenAt, earlier.Id).CompareTo((row.FirstSeenAt, row.Id)) >= 0) continue;
                links[row.Id] = (earlier.Id, nameof(DuplicateReason.SameCanonicalUrl), earlier.CanonicalUrl!);
                count++;
            }
        }
        return count;
    }
}
