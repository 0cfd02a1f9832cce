using System.Globalization;
using Jobsmith.Core.Data;
using Jobsmith.Core.Profiles.Preferences;
using Microsoft.EntityFrameworkCore;

namespace Jobsmith.Core.Matching.Store;

/// <summary>
/// Undoes one learned change for its candidate: a preference field gets its old value back; a weights change
/// stops counting, so ranking falls back to the weights in force before it. Undoing twice changes nothing.
/// </summary>
public sealed class PreferenceUndo(AppDbContext db, PreferencesService preferences, TimeProvider clock)
{
    /// <summary>Null when the update does not exist or belongs to someone else.</summary>
    public async Task<PreferenceUpdateView?> UndoAsync(string userId, Guid updateId, CancellationToken cancellationToken)
    {
        var row = await db.Set<PreferenceUpdate>().FirstOrDefaultAsync(u => u.Id == updateId && u.UserId == userId, cancellationToken);
        if (row is null) return null;
        if (row.UndoneAt is not null) return PreferenceUpdateView.From(row);

        var old = row.OldValue.Length == 0 ? null : row.OldValue;
        Func<PreferenceValues, PreferenceValues>? restore = row.Field switch
        {
            LearnedFields.ExperienceLevel => v => v with { ExperienceLevel = old },
            LearnedFields.RemotePreference => v => v with { RemotePreference = old },
            LearnedFields.SalaryMin => v => v with { SalaryMin = old is null ? null : decimal.Parse(old, CultureInfo.InvariantCulture) },
            _ => null,
        };
        if (restore is not null)
        {
            var errors = await preferences.UpdateAsync(userId, restore, cancellationToken);
            if (errors.Count > 0) throw new InvalidOperationException($"the old {row.Field} no longer validates: {string.Join("; ", errors.SelectMany(e => e.Value))}");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        row.UndoneAt = now;
        await db.SaveChangesAsync(cancellationToken);
        await preferences.AddLearnedAsync(userId, new LearnedAdjustment(row.Field, row.OldValue, 0, $"undone by the candidate: {row.Reason}", now), cancellationToken);
        return PreferenceUpdateView.From(row);
    }
}
