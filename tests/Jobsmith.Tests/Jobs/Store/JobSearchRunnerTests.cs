using Jobsmith.Core.Accounts;
using Jobsmith.Core.Data;
using Jobsmith.Core.Jobs;
using Jobsmith.Core.Jobs.Search;
using Jobsmith.Core.Jobs.Sources;
using Jobsmith.Core.Jobs.Store;
using Jobsmith.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Quartz;

namespace Jobsmith.Tests.Jobs.Store;

public sealed class JobSearchRunnerTests
{
    [SkippableFact]
    public async Task A_candidate_search_runs_enabled_sources_notes_the_quota_and_keeps_remote_postings_only()
    {
        var payload = File.ReadAllText(SharedData.Require("jobs", "ashby", "Secoda.json"));
        await using var server = await ReplayServer.StartAsync();
        server.Serve("/posting-api/job-board/secoda", payload);
        await using var harness = await StoreHarness.CreateAsync("sqlite", services =>
        {
            services.RemoveAll<IJobSource>();
            services.AddSingleton<IJobSource>(new AshbySource(TestFetchers.Loopback(), server.BaseUrl));
            services.AddSingleton<IJobSource>(new LinkedInSource(TestFetchers.Loopback()));
        });

        var note = await harness.WithAsync(async sp =>
        {
            var user = await sp.GetRequiredService<AccountService>().RegisterAsync($"seeker-{Guid.NewGuid():N}@example.com", "a-long-password-1", null, default);
            await sp.GetRequiredService<SourceSettings>().UpdateAsync("ashby", new SourceUpdate(null, null, ["secoda"], null), "admin", default);
            var search = await sp.GetRequiredService<JobSearchService>().CreateAsync(user.Id,
                new JobSearchRequest(["Engineer"], [], RemoteOnly: true, ["ashby", "linkedin"], 60), default);
            var scheduler = await sp.GetRequiredService<ISchedulerFactory>().GetScheduler();
            Assert.True(await scheduler.Exists(JobSchedules.SearchKey(search.Id)));
            return await sp.GetRequiredService<JobSearchRunner>().RunAsync(search.Id, default);
        });

        var parsed = new AshbySource(TestFetchers.Loopback()).Parse(payload, null).Postings;
        var remoteOrUnknown = parsed.Count(p => p.Remote is RemoteType.Remote or RemoteType.Unknown);
        Assert.StartsWith(JobSearchRunner.NoPlanNote, note, StringComparison.Ordinal);
        Assert.Contains("linkedin: disabled", note, StringComparison.Ordinal);
        Assert.Contains($"ashby: {parsed.Count} fetched, {remoteOrUnknown} new", note, StringComparison.Ordinal);
        var stored = await harness.WithAsync(sp => sp.GetRequiredService<AppDbContext>().Set<StoredPosting>().AsNoTracking().ToListAsync());
        Assert.Equal(remoteOrUnknown, stored.Count);
        Assert.True(remoteOrUnknown < parsed.Count, "the fixture should hold onsite or hybrid jobs for the filter to matter");
        Assert.All(stored, p => Assert.Contains(p.Remote, new[] { nameof(RemoteType.Remote), nameof(RemoteType.Unknown) }));
        var status = await harness.WithAsync(sp => sp.GetRequiredService<SourceSettings>().GetAsync("ashby", default));
        Assert.Equal((parsed.Count, 0), (status!.LastFetched, status.ConsecutiveFailures));
    }
}
