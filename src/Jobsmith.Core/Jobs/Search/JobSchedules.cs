using Quartz;

namespace Jobsmith.Core.Jobs.Search;

/// <summary>
/// Quartz jobs for source runs and candidate searches, in the persistent store so any worker node runs them
/// and a restart keeps the schedule. A web node only stores them.
/// </summary>
public sealed class JobSchedules(ISchedulerFactory schedulers, TimeProvider clock)
{
    public const string SourceGroup = "job-sources";
    public const string SearchGroup = "job-searches";

    public static JobKey SourceKey(string kind) => new($"source-{kind}", SourceGroup);

    public static JobKey SearchKey(Guid id) => new($"search-{id:N}", SearchGroup);

    public Task ScheduleSourceAsync(string kind, int? intervalMinutes, CancellationToken cancellationToken) =>
        ScheduleAsync(SourceKey(kind), SourceJob(kind), intervalMinutes, cancellationToken);

    public Task ScheduleSearchAsync(Guid id, int? intervalMinutes, CancellationToken cancellationToken) =>
        ScheduleAsync(SearchKey(id), SearchJob(id), intervalMinutes, cancellationToken);

    /// <summary>Queues one run now, whether or not the source is on a schedule.</summary>
    public async Task RunSourceNowAsync(string kind, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var key = SourceKey(kind);
        if (!await scheduler.Exists(key, cancellationToken))
            await scheduler.AddJob(SourceJob(kind), AddJobOptions.Replacing, cancellationToken);
        await scheduler.TriggerJob(key, cancellationToken);
    }

    /// <summary>Queues one run of a candidate's search now, keeping its schedule.</summary>
    public async Task RunSearchNowAsync(Guid id, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var key = SearchKey(id);
        if (!await scheduler.Exists(key, cancellationToken))
            await scheduler.AddJob(SearchJob(id), AddJobOptions.Replacing, cancellationToken);
        await scheduler.TriggerJob(key, cancellationToken);
    }

    private async Task ScheduleAsync(JobKey key, IJobDetail job, int? intervalMinutes, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        if (intervalMinutes is not { } minutes)
        {
            await scheduler.DeleteJob(key, cancellationToken);
            return;
        }
        var trigger = TriggerBuilder.Create().WithIdentity(key.Name, key.Group).ForJob(key)
            .StartAt(clock.GetUtcNow().AddMinutes(minutes))
            .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromMinutes(minutes)).RepeatForever())
            .Build();
        await scheduler.ScheduleJob(job, [trigger], ScheduleJobOptions.Replacing, cancellationToken);
    }

    private static IJobDetail SearchJob(Guid id) =>
        JobBuilder.Create<JobSearchRunJob>().WithIdentity(SearchKey(id)).UsingJobData(JobSearchRunJob.SearchIdKey, id.ToString()).StoreDurably().RequestRecovery().Build();

    private static IJobDetail SourceJob(string kind) =>
        JobBuilder.Create<SourceRunJob>().WithIdentity(SourceKey(kind)).UsingJobData(SourceRunJob.KindKey, kind).StoreDurably().RequestRecovery().Build();
}
