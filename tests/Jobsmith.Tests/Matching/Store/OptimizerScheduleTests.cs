using Jobsmith.Core.Data;
using Jobsmith.Core.Matching.Store;
using Jobsmith.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace Jobsmith.Tests.Matching.Store;

/// <summary>The feedback optimizer is a periodic system job in the persistent scheduler of worker nodes (D5).</summary>
public sealed class OptimizerScheduleTests
{
    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_worker_schedules_the_optimizer_on_a_repeating_trigger(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        using var host = TestHost.Build(database, role: "All");
        await using (var scope = host.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        await host.StartAsync();
        try
        {
            var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
            var triggers = await scheduler.GetTriggersOfJob(MatchOptimizerJob.Key);

            var trigger = Assert.IsAssignableFrom<ISimpleTrigger>(Assert.Single(triggers));
            Assert.Equal(MatchOptimizerJob.Interval, trigger.RepeatInterval);
        }
        finally
        {
            await host.StopAsync();
        }
    }
}
