using Jobsmith.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jobsmith.Core.Agents;

/// <summary>
/// Processes every waiting event right here, each in its own scope through <see cref="AgentEventProcessor"/>, until none
/// are left — what the worker's dispatcher and its Quartz jobs do, for a process that runs no scheduler (the demo).
/// </summary>
public sealed class PendingEvents(IServiceScopeFactory scopes)
{
    private const int Batch = 100;

    /// <summary>
    /// Returns how many were processed. Throws when an agent fails on one (its task says why) or when events keep
    /// coming past <paramref name="maxEvents"/>, which means agents are feeding each other. <paramref name="processedSoFar"/>
    /// hears, after each event and on this thread, how many are processed and how many are known so far.
    /// </summary>
    public async Task<int> ProcessAllAsync(int maxEvents, Action<int, int>? processedSoFar, CancellationToken cancellationToken)
    {
        var processed = 0;
        while (processed < maxEvents)
        {
            var waiting = await InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Set<AgentEvent>().AsNoTracking()
                .Where(e => e.ProcessedAt == null).OrderBy(e => e.Id).Select(e => e.Id).Take(Batch).ToListAsync(cancellationToken));
            if (waiting.Count == 0) return processed;
            for (var i = 0; i < waiting.Count; i++)
            {
                var id = waiting[i];
                if (!await InScopeAsync(sp => sp.GetRequiredService<AgentEventProcessor>().ProcessAsync(id, cancellationToken)))
                    throw new InvalidOperationException($"An agent failed on event {id}; its task says why (the log shows it too).");
                processed++;
                processedSoFar?.Invoke(processed, processed + waiting.Count - i - 1);
            }
        }
        throw new InvalidOperationException($"Events kept coming after {maxEvents}: the agents are feeding each other.");
    }

    private async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }
}
