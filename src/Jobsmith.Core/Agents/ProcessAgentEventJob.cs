using Microsoft.Extensions.Options;
using Quartz;

namespace Jobsmith.Core.Agents;

/// <summary>
/// The durable Quartz job for one event. Stored with the event id, so it survives a restart; on failure it
/// reschedules itself with exponential backoff until the attempts run out, then stays failed on the event row.
/// </summary>
[DisallowConcurrentExecution]
public sealed class ProcessAgentEventJob(AgentEventProcessor processor, IOptions<AgentsOptions> options, TimeProvider clock) : IJob
{
    public const string Group = "agent-events";
    public const string EventIdKey = "eventId";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var eventId = Guid.Parse(context.MergedJobDataMap.GetString(EventIdKey)!);
        var attempt = context.MergedJobDataMap.TryGetInt(AttemptKey, out var a) ? a : 1;
        if (await processor.ProcessAsync(eventId, cancellationToken) || attempt >= options.Value.MaxAttempts)
        {
            await context.Scheduler.DeleteJob(context.JobDetail.Key, cancellationToken);
            return;
        }

        var delay = TimeSpan.FromSeconds(options.Value.RetryBaseDelaySeconds * Math.Pow(2, attempt - 1));
        var retry = TriggerBuilder.Create()
            .ForJob(context.JobDetail.Key)
            .UsingJobData(AttemptKey, attempt + 1)
            .StartAt(clock.GetUtcNow() + delay)
            .Build();
        await context.Scheduler.ScheduleJob(retry, default, cancellationToken);
    }

    private const string AttemptKey = "attempt";
}
