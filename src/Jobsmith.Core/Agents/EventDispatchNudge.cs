using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Jobsmith.Core.Agents;

/// <summary>
/// After a save that committed new events, wakes the dispatcher in this process at once instead of waiting
/// for its next sweep. Best effort by design: the sweep picks up anything a nudge misses.
/// </summary>
internal sealed class EventDispatchNudge(ISchedulerFactory schedulers, ILogger<EventDispatchNudge> logger) : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, object> _pending = [];

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Remember(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Remember(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        await NudgeIfPendingAsync(eventData.Context);
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        _ = NudgeIfPendingAsync(eventData.Context);
        return result;
    }

    private void Remember(DbContext? context)
    {
        if (context is not null && context.ChangeTracker.Entries<AgentEvent>().Any(e => e.State == EntityState.Added))
            _pending.AddOrUpdate(context, this);
    }

    private async Task NudgeIfPendingAsync(DbContext? context)
    {
        // A transaction still open means the events are not visible to the dispatcher yet; the sweep covers it.
        if (context is null || !_pending.Remove(context)) return;
        try
        {
            var scheduler = await schedulers.GetScheduler();
            if (scheduler.Status == SchedulerStatus.Running)
                await scheduler.TriggerJob(EventDispatchJob.Key);
        }
        catch (SchedulerException ex)
        {
            logger.LogDebug(ex, "Event dispatch nudge skipped; the periodic sweep will dispatch");
        }
    }
}
