using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;
using Jobsmith.Core.Hosting;
using Microsoft.Extensions.Options;
using Quartz;

namespace Jobsmith.Core.Agents;

/// <summary>
/// After a save that committed new events, wakes the dispatcher in this process at once instead of waiting
/// for its next sweep. Best effort by design: the sweep picks up anything a nudge misses.
/// </summary>
internal sealed class EventDispatchNudge(ISchedulerFactory schedulers, IOptions<JobsmithOptions> options, ILogger<EventDispatchNudge> logger) : SaveChangesInterceptor
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

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        NudgeIfPending(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        NudgeIfPending(eventData.Context);
        return result;
    }

    private void Remember(DbContext? context)
    {
        if (context is not null && context.ChangeTracker.Entries<AgentEvent>().Any(e => e.State == EntityState.Added))
            _pending.AddOrUpdate(context, this);
    }

    private void NudgeIfPending(DbContext? context)
    {
        if (context is null || !_pending.Remove(context)) return;
        // An open transaction means the events are not visible to the dispatcher yet (and on SQLite it holds
        // the write lock the scheduler would wait on); a web-only node runs no scheduler. The sweep covers both.
        if (context.Database.CurrentTransaction is not null || options.Value.Role == ProcessRole.Web) return;
        // Never block the caller's save on the scheduler.
        _ = Task.Run(TriggerDispatchAsync);
    }

    private async Task TriggerDispatchAsync()
    {
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
