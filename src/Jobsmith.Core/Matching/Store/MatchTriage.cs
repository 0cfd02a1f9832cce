using Jobsmith.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Jobsmith.Core.Matching.Store;

/// <summary>Save, dismiss or restore one of the candidate's own matches. Each is a single conditional update, so a
/// double-click or two tabs at once simply set the same value twice.</summary>
public sealed class MatchTriage(AppDbContext db, TimeProvider clock)
{
    public const string Save = "save";
    public const string Dismiss = "dismiss";
    public const string Restore = "restore";

    public static bool IsAction(string? action) => action is Save or Dismiss or Restore;

    /// <summary>False when the candidate has no match for that posting.</summary>
    public async Task<bool> ApplyAsync(string userId, Guid postingId, string action, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var matches = db.Set<StoredMatch>().Where(m => m.UserId == userId && m.PostingId == postingId);
        var changed = action switch
        {
            Save => await matches.ExecuteUpdateAsync(s => s.SetProperty(m => m.SavedAt, now).SetProperty(m => m.DismissedAt, (DateTime?)null), cancellationToken),
            Dismiss => await matches.ExecuteUpdateAsync(s => s.SetProperty(m => m.DismissedAt, now).SetProperty(m => m.SavedAt, (DateTime?)null), cancellationToken),
            Restore => await matches.ExecuteUpdateAsync(s => s.SetProperty(m => m.DismissedAt, (DateTime?)null).SetProperty(m => m.SavedAt, (DateTime?)null), cancellationToken),
            _ => throw new ArgumentException($"unknown action '{action}'", nameof(action)),
        };
        return changed > 0;
    }
}
