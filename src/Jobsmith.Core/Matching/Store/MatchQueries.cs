using Jobsmith.Core.Data;
using Jobsmith.Core.Jobs.Store;
using Microsoft.EntityFrameworkCore;

namespace Jobsmith.Core.Matching.Store;

/// <summary>Reads one candidate's matches, feedback and learned updates; every query is filtered by the user id.</summary>
public sealed class MatchQueries(AppDbContext db)
{
    public async Task<IReadOnlyList<MatchView>> MatchesAsync(string userId, int limit, CancellationToken cancellationToken)
    {
        var rows = await (
            from m in db.Set<StoredMatch>().AsNoTracking().Where(m => m.UserId == userId)
            join p in db.Set<StoredPosting>().AsNoTracking() on m.PostingId equals p.Id
            orderby m.ShownAt descending, m.Score descending
            select new { Match = m, p.ExternalId, p.Title, p.Company }).Take(limit).ToListAsync(cancellationToken);
        var feedback = (await FeedbackAsync(userId, cancellationToken)).ToDictionary(f => f.PostingId);
        return [.. rows.Select(r => MatchView.From(r.Match, r.ExternalId, r.Title, r.Company, feedback.GetValueOrDefault(r.Match.PostingId)))];
    }

    public async Task<IReadOnlyList<FeedbackView>> FeedbackAsync(string userId, CancellationToken cancellationToken)
    {
        var rows = await db.Set<MatchFeedback>().AsNoTracking().Where(f => f.UserId == userId)
            .OrderByDescending(f => f.CreatedAt).ToListAsync(cancellationToken);
        return [.. rows.Select(FeedbackView.From)];
    }

    public async Task<IReadOnlyList<PreferenceUpdateView>> UpdatesAsync(string userId, CancellationToken cancellationToken)
    {
        var rows = await db.Set<PreferenceUpdate>().AsNoTracking().Where(u => u.UserId == userId)
            .OrderByDescending(u => u.AppliedAt).ThenByDescending(u => u.Id).ToListAsync(cancellationToken);
        return [.. rows.Select(PreferenceUpdateView.From)];
    }
}
