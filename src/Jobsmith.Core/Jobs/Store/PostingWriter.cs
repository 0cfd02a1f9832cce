using Jobsmith.Core.Agents;
using Jobsmith.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Jobsmith.Core.Jobs.Store;

/// <summary>The stored identity of a posting: what duplicate links and expiry need after a batch is written.</summary>
internal readonly record struct PostingRef(Guid Id, DateTime FirstSeenAt);

internal sealed record WrittenBatch(IReadOnlyList<(string Key, PostingRef Posting)> Rows, int Added, int Updated);

/// <summary>
/// Writes one batch of postings with no per-posting reads: one read of the stored keys and content hashes, an upsert
/// of the new and changed postings (see BulkUpsert; skills extracted in parallel beforehand, outside the transaction),
/// one update of the seen time of the unchanged ones, and the batch's event, all in one transaction.
/// The upsert's conflict clause is what lets a source run and a candidate's search store the same new posting at once.
/// </summary>
internal sealed class PostingWriter(AppDbContext db, EventPublisher events, TimeProvider clock)
{
    private const int MaxExternalId = 300;

    private static readonly UpsertShape Shape = new(
        ConflictOn: [nameof(StoredPosting.SourceKind), nameof(StoredPosting.ExternalId)],
        Keep: [nameof(StoredPosting.Id), nameof(StoredPosting.FirstSeenAt)],
        KeepWhenNull: [nameof(StoredPosting.Feed)],
        Returning: [nameof(StoredPosting.Id), nameof(StoredPosting.FirstSeenAt), nameof(StoredPosting.SourceKind), nameof(StoredPosting.ExternalId)]);

    /// <summary>(source, external id) as the unique index sees it: the external id is stored truncated.</summary>
    public static string StoredKey(JobPosting posting) => Key(posting.SourceKind, posting.ExternalId.Truncate(MaxExternalId));

    private static string Key(string sourceKind, string externalId) => $"{sourceKind}:{externalId}";

    public async Task<WrittenBatch> WriteAsync(IReadOnlyList<JobPosting> postings, string? feed, DateTime now, CancellationToken cancellationToken)
    {
        var existing = await LookupAsync(postings, cancellationToken);
        var hashes = postings.Select(PostingMapper.Hash).ToArray();
        var changed = Enumerable.Range(0, postings.Count)
            .Where(i => !existing.TryGetValue(StoredKey(postings[i]), out var row) || row.ContentHash != hashes[i]).ToArray();
        var rows = new StoredPosting[changed.Length];
        // Skill extraction is the CPU-heavy part of a save: spread it over the cores, before any lock is taken.
        Parallel.For(0, changed.Length, i =>
        {
            var posting = postings[changed[i]];
            var row = new StoredPosting { Id = Guid.CreateVersion7(clock.GetUtcNow()), FirstSeenAt = now, LastSeenAt = now };
            PostingMapper.Apply(row, posting, hashes[changed[i]], feed);
            rows[i] = row;
        });
        var proposed = rows.Select(r => r.Id).ToHashSet();
        var unchanged = Enumerable.Range(0, postings.Count).Except(changed).Select(i => existing[StoredKey(postings[i])]).ToList();

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var written = new List<(string, PostingRef)>(postings.Count);
        var added = new List<Guid>();
        var updated = new List<Guid>();
        foreach (var values in await BulkUpsert.RunAsync(db, rows, Shape, cancellationToken))
        {
            var (id, firstSeen) = ((Guid)values[0], (DateTime)values[1]);
            written.Add((Key((string)values[2], (string)values[3]), new PostingRef(id, firstSeen)));
            // A row that kept another id was stored before, by an earlier run or by a parallel one a moment ago.
            (proposed.Contains(id) ? added : updated).Add(id);
        }
        if (unchanged.Count > 0)
        {
            var ids = unchanged.Select(u => u.Id).ToList();
            // Seen again with the same content: only the seen time moves (and a closed posting reopens).
            await db.Set<StoredPosting>().Where(p => ids.Contains(p.Id)).ExecuteUpdateAsync(s => s
                .SetProperty(p => p.LastSeenAt, now)
                .SetProperty(p => p.Feed, p => feed ?? p.Feed)
                .SetProperty(p => p.Status, PostingStatus.Open)
                .SetProperty(p => p.ClosedReason, (string?)null)
                .SetProperty(p => p.ClosedAt, (DateTime?)null), cancellationToken);
            written.AddRange(unchanged.Select(u => (Key(u.SourceKind, u.ExternalId), new PostingRef(u.Id, u.FirstSeenAt))));
        }
        if (added.Count + updated.Count > 0)
        {
            events.Publish(EventTypes.PostingsStored, null, new { source = postings[0].SourceKind, added, changed = updated });
            await db.SaveChangesAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return new WrittenBatch(written, added.Count, updated.Count + unchanged.Count);
    }

    private sealed record Existing(Guid Id, string SourceKind, string ExternalId, string ContentHash, DateTime FirstSeenAt);

    private async Task<Dictionary<string, Existing>> LookupAsync(IReadOnlyList<JobPosting> postings, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, Existing>(StringComparer.Ordinal);
        foreach (var bySource in postings.GroupBy(p => p.SourceKind, StringComparer.Ordinal))
        {
            var kind = bySource.Key;
            var ids = bySource.Select(p => p.ExternalId.Truncate(MaxExternalId)).ToList();
            var rows = await db.Set<StoredPosting>().AsNoTracking().Where(p => p.SourceKind == kind && ids.Contains(p.ExternalId))
                .Select(p => new Existing(p.Id, p.SourceKind, p.ExternalId, p.ContentHash, p.FirstSeenAt)).ToListAsync(cancellationToken);
            foreach (var row in rows) found[Key(row.SourceKind, row.ExternalId)] = row;
        }
        return found;
    }
}
