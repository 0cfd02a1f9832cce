using Jobsmith.Core.Data;
using Jobsmith.Core.Notifications.Realtime;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace Jobsmith.Core.Agents;

/// <summary>
/// Moves committed events into durable Quartz jobs. It schedules first and marks the row second: a crash
/// in between re-dispatches, which finds the job already stored (or the event already processed).
/// </summary>
[DisallowConcurrentExecution]
public sealed class EventDispatchJob(AppDbContext db, ActivityPulse pulse, TimeProvider clock) : IJob
{
    public static readonly JobKey Key = new("event-dispatch", "system");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var pending = await db.Set<AgentEvent>()
            .Where(e => e.DispatchedAt == null)
            .OrderBy(e => e.CreatedAt)
            .Take(200)
            .ToListAsync(cancellationToken);
        foreach (var agentEvent in pending)
        {
            var jobKey = new JobKey(agentEvent.Id.ToString(), ProcessAgentEventJob.Group);
            if (!await context.Scheduler.Exists(jobKey, cancellationToken))
            {
                var job = JobBuilder.Create<ProcessAgentEventJob>()
                    .WithIdentity(jobKey)
                    .UsingJobData(ProcessAgentEventJob.EventIdKey, agentEvent.Id.ToString())
                    .StoreDurably()
                    .RequestRecovery()
                    .Build();
                await context.Scheduler.ScheduleJob(job, TriggerBuilder.Create().ForJob(jobKey).StartNow().Build(), default, cancellationToken);
            }
            agentEvent.DispatchedAt = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(cancellationToken);
        }
        // Events are committed changes of someone's data: their open pages (the live dashboard, G1) refresh.
        await pulse.PulseAsync(pending.Select(e => e.UserId), cancellationToken);
    }
}
