using Jobsmith.Core.Applications;
using Jobsmith.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Jobsmith.Core.Inbox;

public enum FilingStatus { Filed, NotFound, Unchanged }

/// <summary>
/// The candidate files a kept email under one of their applications (G2): the reply nothing matched, or one matched to
/// the wrong application. The email's effects then run for that application as they would have on arrival — the
/// application moves, the outcome becomes feedback, the candidate is told — once: an email already filed there is left
/// alone. A move made for an earlier, wrong application is not undone; the application page's history shows it.
/// </summary>
public sealed class ReplyFiling(AppDbContext db, ReplyEffects effects)
{
    public async Task<FilingStatus> FileAsync(string userId, Guid emailId, Guid applicationId, CancellationToken cancellationToken)
    {
        var owned = await db.Set<JobApplication>().AsNoTracking().AnyAsync(a => a.Id == applicationId && a.UserId == userId, cancellationToken);
        if (!owned) return FilingStatus.NotFound;
        // One conditional update: two clicks at once file it once, and only the one that changed it runs the effects.
        var changed = await db.Set<InboundEmail>()
            .Where(e => e.Id == emailId && e.UserId == userId && (e.ApplicationId == null || e.ApplicationId != applicationId))
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.ApplicationId, applicationId).SetProperty(e => e.MatchedBy, MatchMethods.Candidate)
                .SetProperty(e => e.EffectsAppliedAt, (DateTime?)null), cancellationToken);
        if (changed == 0)
            return await db.Set<InboundEmail>().AnyAsync(e => e.Id == emailId && e.UserId == userId, cancellationToken) ? FilingStatus.Unchanged : FilingStatus.NotFound;
        await effects.ApplyAsync(emailId, cancellationToken);
        return FilingStatus.Filed;
    }
}
