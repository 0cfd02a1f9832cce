using System.Collections.Concurrent;
using Jobsmith.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Jobsmith.Core.Ai.Usage;

/// <summary>
/// Stores model calls (I1) in batches, a few seconds after they happen, on its own connection. Writing inline would
/// join — or on SQLite wait behind — the caller's open transaction; metering must never slow or break the feature it
/// measures. Whatever is still queued is written when the process shuts down (the CLI too: its host is disposed).
/// </summary>
public sealed class AiCallLedger : IDisposable, IAsyncDisposable
{
    // A database that refuses writes for a long time must not grow the queue without bound.
    private const int MaxQueued = 50_000;
    private static readonly TimeSpan FlushEvery = TimeSpan.FromSeconds(3);

    private readonly ConcurrentQueue<AiCall> queue = new();
    private readonly DbContextOptions<AppDbContext> options;
    private readonly TimeProvider clock;
    private readonly ILogger<AiCallLedger> logger;
    private readonly CancellationTokenSource stopping = new();
    private readonly SemaphoreSlim flushing = new(1, 1);
    private int loopStarted;
    private Task loop = Task.CompletedTask;

    internal AiCallLedger(ResolvedDatabase database, SqlitePragmaInterceptor sqlitePragmas, TimeProvider clock, ILogger<AiCallLedger> logger)
    {
        ArgumentNullException.ThrowIfNull(database);
        var builder = new DbContextOptionsBuilder<AppDbContext>();
        DataServiceCollectionExtensions.Configure(builder, database.Provider, database.ConnectionString, sqlitePragmas);
        options = builder.Options;
        this.clock = clock;
        this.logger = logger;
    }

    public void Record(string provider, string model, string kind, long inputTokens, long outputTokens, TimeSpan duration, bool failed)
    {
        var context = AiCallScope.Context;
        Agents.AgentMetrics.AiCall(provider, context?.Kind ?? kind, inputTokens, outputTokens, failed);
        var now = clock.GetUtcNow();
        queue.Enqueue(new AiCall
        {
            Id = Guid.CreateVersion7(now), At = now.UtcDateTime, Provider = provider.Truncate(40) ?? "", Model = model.Truncate(100) ?? "",
            Kind = context?.Kind ?? kind, InputTokens = inputTokens, OutputTokens = outputTokens,
            DurationMs = (int)Math.Min(int.MaxValue, duration.TotalMilliseconds), Failed = failed,
            UserId = context?.UserId, Agent = context?.Agent.Truncate(100),
        });
        while (queue.Count > MaxQueued && queue.TryDequeue(out _)) { }
        if (Interlocked.Exchange(ref loopStarted, 1) == 0) loop = Task.Run(FlushPeriodicallyAsync);
    }

    /// <summary>Writes what is queued now; tests and shutdown call it, the loop calls it every few seconds.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        await flushing.WaitAsync(cancellationToken);
        try
        {
            while (!queue.IsEmpty)
            {
                var batch = new List<AiCall>();
                while (batch.Count < 500 && queue.TryPeek(out var next))
                {
                    batch.Add(next);
                    queue.TryDequeue(out _);
                }
                await using var db = new AppDbContext(options);
                db.Set<AiCall>().AddRange(batch);
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                }
                catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
                {
                    // Kept for the next flush (a locked or unreachable database); the usage report is late, not wrong.
                    foreach (var call in batch) queue.Enqueue(call);
                    logger.LogWarning(ex, "Could not store {Count} AI call records; will try again", batch.Count);
                    return;
                }
            }
        }
        finally
        {
            flushing.Release();
        }
    }

    private async Task FlushPeriodicallyAsync()
    {
        using var timer = new PeriodicTimer(FlushEvery, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stopping.Token)) await FlushAsync(stopping.Token);
        }
        catch (OperationCanceledException)
        {
            // Shutting down: DisposeAsync writes the rest.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        await loop;
        try
        {
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await FlushAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            logger.LogWarning("{Count} AI call records were not stored before shutdown", queue.Count);
        }
        stopping.Dispose();
        flushing.Dispose();
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();
}
