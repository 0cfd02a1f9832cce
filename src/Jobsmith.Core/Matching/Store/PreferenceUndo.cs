using Jobsmith.Core.Data;
using Jobsmith.Core.Profiles.Preferences;
using Microsoft.EntityFrameworkCore;

namespace Jobsmith.Core.Matching.Store;

/// <summary>
/// Undoes one learned change for its candidate: a preference change leaves the learned layer, so the typed value
/// (or an earlier learned one) is in force again; a weights change stops counting, so ranking falls back to the weights in force before it. Undoing twice changes nothing.
/// </summary>
public sealed class PreferenceUndo(AppDbContext db, PreferencesService preferences, TimeProvider clock)
{
    /// <summary>Null when the update does not exist or belongs to someone else.</summary>
    public async Task<PreferenceUpdateView?> UndoAsync(string userId, Guid updateId, CancellationToken cancellationToken)
    {
        var row = await db.Set<PreferenceUpdate>().FirstOrDefaultAsync(u => u.Id == updateId && u.UserId == userId, cancellationToken);
        if (row is null) return null;
        if (row.UndoneAt is not null) return PreferenceUpdateView.From(row);

        // The change leaves the learned layer; what the candidate typed was never touched, so nothing is restored there.
        row.UndoneAt = clock.GetUtcNow().UtcDateTime;
        await preferences.StageUnlearnAsync(userId, row.Id, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return PreferenceUpdateView.From(row);
    }
}
