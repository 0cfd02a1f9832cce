using Jobsmith.Core.Data;
using Jobsmith.Core.Jobs.Store;
using Microsoft.EntityFrameworkCore;

namespace Jobsmith.Core.Jobs.Search;

/// <summary>Closes postings (C7), never deletes them: past their expiry date, or missing from a full fetch of their feed.</summary>
public sealed class PostingExpiry(AppDbContext db, TimeProvider clock, JobListCache lists)
{
    public const string ExpiredReason = "expired";
    public const string VanishedReason = "no longer listed by the source";

    public async Task<int> CloseExpiredAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var closed = await db.Set<StoredPosting>()
            .Where(p => p.Status == PostingStatus.Open && p.ExpiresAt != null && p.ExpiresAt < now)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, PostingStatus.Closed).SetProperty(p => p.ClosedReason, ExpiredReason)
                .SetProperty(p => p.ClosedAt, now), cancellationToken);
        if (closed > 0) lists.Changed();
        return closed;
    }

    /// <summary>
    /// After a complete, error-free fetch of one feed: its open postings that fetch did not return are gone from the source.
    /// Only call this for full fetches; a keyword search or a failed response says nothing about what vanished.
    /// </summary>
    public async Task<int> CloseVanishedAsync(string kind, string feed, IReadOnlySet<Guid> seen, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var open = await db.Set<StoredPosting>().Where(p => p.SourceKind == kind && p.Feed == feed && p.Status == PostingStatus.Open)
            .Select(p => p.Id).ToListAsync(cancellationToken);
        var gone = open.Where(id => !seen.Contains(id)).ToList();
        foreach (var chunk in gone.Chunk(400))
        {
            await db.Set<StoredPosting>().Where(p => chunk.Contains(p.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, PostingStatus.Closed).SetProperty(p => p.ClosedReason, VanishedReason)
                    .SetProperty(p => p.ClosedAt, now), cancellationToken);
        }
        if (gone.Count > 0) lists.Changed();
        return gone.Count;
    }
}
