using Jobsmith.Core.Ai.Usage;
using Jobsmith.Core.Data;
using Jobsmith.Core.Flags;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Jobsmith.Core.Agents;

/// <summary>
/// Runs every interested agent on one event, recording an agent task per (event, agent). Safe to run
/// again after a crash: completed tasks are skipped and a processed event is left alone.
/// </summary>
public sealed class AgentEventProcessor(
    AppDbContext db,
    IEnumerable<IAgent> handlers,
    AgentSwitches switches,
    Notifications.Realtime.ActivityPulse pulse,
    TimeProvider clock,
    ILogger<AgentEventProcessor> logger)
{
    /// <summary>True when the event is fully processed; false when an agent failed and a retry is due.</summary>
    public async Task<bool> ProcessAsync(Guid eventId, CancellationToken cancellationToken)
    {
        var agentEvent = await db.Set<AgentEvent>().FirstOrDefaultAsync(e => e.Id == eventId, cancellationToken);
        if (agentEvent is null || agentEvent.ProcessedAt is not null) return true;

        agentEvent.Attempts++;
        string? failure = null;
        foreach (var handler in handlers.Where(h => h.Accepts(agentEvent.Type)))
        {
            var error = await RunAsync(handler, agentEvent, cancellationToken);
            failure ??= error;
        }

        if (failure is null) agentEvent.ProcessedAt = clock.GetUtcNow().UtcDateTime;
        agentEvent.LastError = failure;
        await db.SaveChangesAsync(cancellationToken);
        // The agents' results (and their status) are on the user's dashboard: refresh it.
        await pulse.PulseAsync([agentEvent.UserId], cancellationToken);
        return failure is null;
    }

    private async Task<string?> RunAsync(IAgent handler, AgentEvent agentEvent, CancellationToken cancellationToken)
    {
        var task = await db.Set<AgentTask>().FirstOrDefaultAsync(t => t.EventId == agentEvent.Id && t.Agent == handler.AgentName, cancellationToken);
        if (task?.Status == AgentTaskStatus.Completed) return null;
        if (task is null)
        {
            task = new AgentTask
            {
                Id = Guid.CreateVersion7(clock.GetUtcNow()),
                Agent = handler.AgentName,
                UserId = agentEvent.UserId,
                EventId = agentEvent.Id,
                InputJson = agentEvent.PayloadJson,
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            };
            db.Set<AgentTask>().Add(task);
        }

        task.Status = AgentTaskStatus.Running;
        var startedAt = clock.GetUtcNow().UtcDateTime;
        task.StartedAt = startedAt;
        task.Error = null;
        await db.SaveChangesAsync(cancellationToken);

        // Model calls the handler makes are counted for this candidate and agent (I1).
        using var metered = AiCallScope.Begin(agentEvent.UserId, handler.AgentName);
        // The handler's effects and the task's completion commit together: a crash in between rolls both back, so the
        // retry does the work once instead of repeating effects that were already saved (R1).
        Exception? failure = null;
        await using (var transaction = handler.RunsInOneTransaction ? await db.Database.BeginTransactionAsync(cancellationToken) : null)
        {
            try
            {
                var outcome = await switches.IsOnAsync(handler.AgentName, cancellationToken)
                    ? await handler.HandleAsync(agentEvent, cancellationToken)
                    : new AgentOutcome("skipped: this agent is switched off by its feature flag");
                task.Output = outcome.Output;
                task.InputTokens += outcome.InputTokens;
                task.OutputTokens += outcome.OutputTokens;
                task.Status = AgentTaskStatus.Completed;
                task.CompletedAt = clock.GetUtcNow().UtcDateTime;
                await db.SaveChangesAsync(cancellationToken);
                if (transaction is not null) await transaction.CommitAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                if (transaction is not null) await transaction.RollbackAsync(CancellationToken.None);
                failure = ex;
            }
        }

        if (failure is not null)
        {
            logger.LogWarning(failure, "Agent {Agent} failed on event {EventId} ({EventType})", handler.AgentName, agentEvent.Id, agentEvent.Type);
            // What the handler staged was rolled back (or, outside a transaction, never saved): forget it, keep only the
            // event and its task. An agent outside a transaction keeps what it saved; its unique keys make the retry skip it.
            foreach (var entry in db.ChangeTracker.Entries().Where(e => e.Entity != task && e.Entity != agentEvent).ToList())
                entry.State = EntityState.Detached;
            task.Status = AgentTaskStatus.Failed;
            task.Error = $"{failure.GetType().Name}: {failure.Message}".Truncate(4000);
            task.CompletedAt = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(cancellationToken);
        }
        AgentMetrics.TaskFinished(handler.AgentName, task.Status == AgentTaskStatus.Failed, (task.CompletedAt ?? startedAt) - startedAt);
        return task.Status == AgentTaskStatus.Failed ? $"{handler.AgentName}: {task.Error}".Truncate(2000) : null;
    }
}
