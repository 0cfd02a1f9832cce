using System.Text.Json.Nodes;
using Jobsmith.Core.Data;
using Jobsmith.Core.Jobs;
using Jobsmith.Core.Jobs.Dedupe;
using Jobsmith.Core.Jobs.Search;
using Jobsmith.Core.Jobs.Sources;
using Jobsmith.Core.Jobs.Store;
using Jobsmith.Tests.TestSupport;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Quartz;

namespace Jobsmith.Tests.Jobs.Store;

/// <summary>C6/C7 end to end: a source scheduled by an admin runs as a Quartz job against a loopback Ashby board.</summary>
public sealed class ScheduledSourceRunTests
{
    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Scheduled_run_records_status_and_closes_vanished_and_expired_postings(string provider)
    {
        var board = JsonNode.Parse(File.ReadAllText(SharedData.Require("jobs", "ashby", "Secoda.json")))!;
        var jobs = board["jobs"]!.AsArray();
        var total = jobs.Count;
        var firstId = (string)jobs[0]!["id"]!;
        await using var server = await ReplayServer.StartAsync();
        var body = board.ToJsonString();
        var status = 200;
        server.Handle("/posting-api/job-board/secoda", async ctx =>
        {
            ctx.Response.StatusCode = status;
            ctx.Response.ContentType = "application/json";
            await ctx.Response.WriteAsync(body);
        });
        await using var database = await TestDatabase.CreateAsync(provider);
        using var host = TestHost.Build(database, role: "All", services =>
        {
            // Only Ashby, pointed at the loopback board: the real base URL is never contacted from tests.
            services.RemoveAll<IJobSource>();
            services.AddSingleton<IJobSource>(new AshbySource(TestFetchers.Loopback(), server.BaseUrl));
        });
        await host.StartAsync();
        var expiring = await SeedExpiredPostingAsync(host.Services);

        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<SourceSettings>().UpdateAsync("ashby", new SourceUpdate(true, 30, ["secoda"], null), "test-admin", default);
            var scheduler = await scope.ServiceProvider.GetRequiredService<ISchedulerFactory>().GetScheduler();
            var trigger = Assert.IsType<ISimpleTrigger>(Assert.Single(await scheduler.GetTriggersOfJob(JobSchedules.SourceKey("ashby"))), exactMatch: false);
            Assert.Equal(TimeSpan.FromMinutes(30), trigger.RepeatInterval);
        }

        // Run 1: the whole board is stored and the run is recorded as a success.
        var first = await RunAndWaitAsync(host.Services, previousRun: null);
        Assert.Equal((total, total, 0, CircuitStates.Closed), (first.LastFetched, first.LastAdded, first.ConsecutiveFailures, first.CircuitState));
        Assert.NotNull(first.LastSuccessAt);
        Assert.Equal((PostingStatus.Closed, PostingExpiry.ExpiredReason), await StatusOfAsync(host.Services, "csv", expiring));

        // Run 2: the first job has left the board, so it is closed (not deleted); the rest stay open.
        jobs.RemoveAt(0);
        body = board.ToJsonString();
        await RunAndWaitAsync(host.Services, first.LastRunAt);
        Assert.Equal((PostingStatus.Closed, PostingExpiry.VanishedReason), await StatusOfAsync(host.Services, "ashby", firstId));
        Assert.Equal(total - 1, await CountAsync(host.Services, PostingStatus.Open, "ashby"));
        Assert.Equal(total, await CountAsync(host.Services, null, "ashby"));

        // Run 3: the board fails. The failure is recorded and nothing is closed on the strength of a failed fetch.
        status = 500;
        var third = await RunAndWaitAsync(host.Services, (await SettingAsync(host.Services)).LastRunAt);
        Assert.Equal(1, third.ConsecutiveFailures);
        Assert.Contains("500", third.LastError, StringComparison.Ordinal);
        Assert.True(third.LastSuccessAt < third.LastRunAt, "a failed run must not move the last success");
        Assert.Equal(total - 1, await CountAsync(host.Services, PostingStatus.Open, "ashby"));
        await host.StopAsync();
    }

    private static async Task<JobSourceSetting> RunAndWaitAsync(IServiceProvider services, DateTime? previousRun)
    {
        await using (var scope = services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<JobSchedules>().RunSourceNowAsync("ashby", default);
        await TestHost.WaitUntilAsync(async () => (await SettingAsync(services)).LastRunAt is { } at && at != previousRun,
            TimeSpan.FromSeconds(60), "the ashby source run to be recorded");
        return await SettingAsync(services);
    }

    private static async Task<JobSourceSetting> SettingAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<JobSourceSetting>().AsNoTracking().SingleAsync(s => s.Kind == "ashby");
    }

    private static async Task<(string, string?)> StatusOfAsync(IServiceProvider services, string kind, string externalId)
    {
        await using var scope = services.CreateAsyncScope();
        var row = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<StoredPosting>().AsNoTracking()
            .SingleAsync(p => p.SourceKind == kind && p.ExternalId == externalId);
        return (row.Status, row.ClosedReason);
    }

    private static async Task<int> CountAsync(IServiceProvider services, string? status, string kind)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<StoredPosting>()
            .CountAsync(p => p.SourceKind == kind && (status == null || p.Status == status));
    }

    // A posting from a file import whose expiry date has passed; any source run sweeps it closed.
    private static async Task<string> SeedExpiredPostingAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var posting = new JobPosting
        {
            SourceKind = "csv", ExternalId = "expired-1", Title = "Archivist", Company = "Old Co",
            ExpiresAt = clock.GetUtcNow().AddDays(-1), Application = new ApplicationRoute(ApplicationType.Form, "test"),
        };
        var result = new IngestionResult(new SourceBatch("csv", 1, [posting], []), new DuplicateDetector().Group([posting]));
        await scope.ServiceProvider.GetRequiredService<JobIngestionStore>().SaveAsync(result, default);
        return posting.ExternalId;
    }
}
