using Jobsmith.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Jobsmith.Core.Matching.Store;

/// <summary>
/// A candidate's ranking weights: the newest weights update still in force, or the defaults. Undoing the newest
/// one therefore falls back to the one before it, which is exactly its recorded old value.
/// </summary>
public sealed class LearnedWeights(AppDbContext db)
{
    public async Task<MatchWeights> CurrentAsync(string userId, CancellationToken cancellationToken)
    {
        var json = await db.Set<PreferenceUpdate>().AsNoTracking()
            .Where(u => u.UserId == userId && u.Field == LearnedFields.Weights && u.UndoneAt == null)
            .OrderByDescending(u => u.AppliedAt).ThenByDescending(u => u.Id)
            .Select(u => u.NewValue).FirstOrDefaultAsync(cancellationToken);
        return json is null ? MatchWeights.Default : CandidateMatchInputs.ReadWeights(json);
    }
}
