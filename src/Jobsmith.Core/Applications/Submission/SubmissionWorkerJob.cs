using Jobsmith.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Jobsmith.Core.Applications.Submission;

/// <summary>
/// The submission worker (F3, F8, R1): every few seconds, sends the queued applications that are due, oldest first,
/// each in its own scope; and looks for sends left "started" past their lease by a worker that died, which
/// <see cref="SendGuard"/> turns into "needs checking" for a person instead of a blind retry. Not concurrent within one
/// scheduler; across processes the application's revision and the send record's unique index decide who sends.
/// </summary>
[DisallowConcurrentExecution]
public sealed class SubmissionWorkerJob(IServiceScopeFactory scopes, TimeProvider clock) : IJob
{
    public static readonly JobKey Key = new("submission-worker", "system");
    private const int PerSweep = 10;

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        foreach (var (userId, applicationId) in await DueAsync(cancellationToken))
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<SubmissionRunner>().RunAsync(userId, applicationId, dryRun: false, cancellationToken);
        }
        foreach (var (userId, applicationId) in await InterruptedAsync(cancellationToken))
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<SendGuard>().BeginAsync(userId, applicationId, "recovery", null, cancellationToken);
        }
    }

    private async Task<List<(string, Guid)>> DueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.Set<JobApplication>().AsNoTracking()
            .Where(a => a.State == ApplicationStates.Queued && (a.NextAttemptAt == null || a.NextAttemptAt <= now))
            .OrderBy(a => a.NextAttemptAt).ThenBy(a => a.Id).Take(PerSweep)
            .Select(a => new { a.UserId, a.Id }).ToListAsync(cancellationToken);
        return [.. due.Select(a => (a.UserId, a.Id))];
    }

    private async Task<List<(string, Guid)>> InterruptedAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var stuck = await (from s in db.Set<SendRecord>().AsNoTracking()
                           join a in db.Set<JobApplication>() on s.ApplicationId equals a.Id
                           where s.Status == SendStatus.Started && s.LeaseUntil < now
                           select new { a.UserId, a.Id }).Take(PerSweep).ToListAsync(cancellationToken);
        return [.. stuck.Select(a => (a.UserId, a.Id))];
    }

    public static TimeSpan Interval(SubmissionOptions options) => TimeSpan.FromSeconds(Math.Max(1, options.PollSeconds));
}
