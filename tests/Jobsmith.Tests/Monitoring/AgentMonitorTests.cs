using Jobsmith.Core.Agents;
using Jobsmith.Core.Ai.Usage;
using Jobsmith.Core.Data;
using Jobsmith.Core.Monitoring;
using Jobsmith.Core.Orchestration;
using Jobsmith.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Jobsmith.Tests.Monitoring;

/// <summary>I1: agent health over a window, and the admin's candidates list, computed from what is stored.</summary>
public sealed class AgentMonitorTests
{
    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Throughput_failures_percentiles_and_backlog_come_from_the_window(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        using var host = TestHost.Build(database, role: "Web");
        await host.StartAsync();
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            // Ten drafter runs of 1..10 s and two failures in the last hours; one old run outside the window.
            for (var i = 1; i <= 10; i++) db.Add(Task("drafter", AgentTaskStatus.Completed, now.AddHours(-2), TimeSpan.FromSeconds(i)));
            db.Add(Task("drafter", AgentTaskStatus.Failed, now.AddMinutes(-30), TimeSpan.FromSeconds(1), "TimeoutException: the renderer did not answer"));
            db.Add(Task("drafter", AgentTaskStatus.Failed, now.AddMinutes(-20), TimeSpan.FromSeconds(1), "IOException: disk full"));
            db.Add(Task("drafter", AgentTaskStatus.Completed, now.AddDays(-3), TimeSpan.FromMinutes(30)));
            // A task waiting since last week still counts as waiting.
            db.Add(Task("matcher", AgentTaskStatus.Queued, now.AddDays(-7), null));
            db.Add(new AgentEvent { Id = Guid.NewGuid(), Type = EventTypes.ApprovalRequested, CreatedAt = now.AddMinutes(-5), Attempts = 2 });
            db.Add(new AgentEvent { Id = Guid.NewGuid(), Type = EventTypes.ApprovalRequested, CreatedAt = now.AddMinutes(-1) });
            await db.SaveChangesAsync();
        }

        await using var read = host.Services.CreateAsyncScope();
        var view = await read.ServiceProvider.GetRequiredService<AgentMonitor>().ReadAsync(24, CancellationToken.None);

        var drafter = Assert.Single(view.Agents, a => a.Agent == "drafter");
        Assert.Equal((10, 2, 12), (drafter.Completed, drafter.Failed, drafter.DurationSample));
        Assert.Equal(10.0 / 12, drafter.SuccessRate!.Value, 3);
        Assert.Equal(12 / 24.0, drafter.PerHour, 3);
        // Nearest rank over {1,1,1,2,...,10}: the 6th of 12 is 4 s, the 12th is 10 s.
        Assert.Equal((4.0, 10.0), (drafter.P50Seconds!.Value, drafter.P95Seconds!.Value));
        var matcher = Assert.Single(view.Agents, a => a.Agent == "matcher");
        Assert.Equal((0, 1, (double?)null), (matcher.Completed + matcher.Failed, matcher.Waiting, matcher.SuccessRate));
        Assert.Equal(["IOException: disk full", "TimeoutException: the renderer did not answer"], view.LastErrors.Select(e => e.Error));
        Assert.Equal((2, 1), (view.Events.Pending, view.Events.Retrying));
        Assert.Equal(0, view.HumanAgents.UnassignedEscalations);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Candidates_list_pages_searches_and_shows_each_ones_agent_and_tokens(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        using var host = TestHost.Build(database, role: "Web");
        await host.StartAsync();
        var ids = new List<string>();
        for (var i = 0; i < CandidateOverview.PageSize + 3; i++) ids.Add(await AiUsageTests.AddCandidateAsync(host, $"cand{i:D3}@example.com"));
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.Add(new CandidateAgent { UserId = ids[7], State = CandidateAgentStates.Running, ChangedAt = now });
            db.Add(new AiCall { Id = Guid.NewGuid(), At = now.AddDays(-1), Provider = "openai", Model = "m", Kind = AiCallKinds.Chat, InputTokens = 100, OutputTokens = 20, UserId = ids[7] });
            db.Add(new AiCall { Id = Guid.NewGuid(), At = now.AddDays(-40), Provider = "openai", Model = "m", Kind = AiCallKinds.Chat, InputTokens = 9999, UserId = ids[7] });
            db.Add(Task("drafter", AgentTaskStatus.Completed, now.AddHours(-1), TimeSpan.FromSeconds(1), user: ids[7]));
            await db.SaveChangesAsync();
        }

        await using var read = host.Services.CreateAsyncScope();
        var overview = read.ServiceProvider.GetRequiredService<CandidateOverview>();
        var first = await overview.ListAsync(null, 1, CancellationToken.None);
        Assert.Equal((CandidateOverview.PageSize + 3, CandidateOverview.PageSize), (first.Total, first.Candidates.Count));
        Assert.Equal(3, (await overview.ListAsync(null, 2, CancellationToken.None)).Candidates.Count);

        var found = Assert.Single((await overview.ListAsync("CAND007", 1, CancellationToken.None)).Candidates);
        Assert.Equal(("cand007@example.com", CandidateAgentStates.Running, 120L), (found.Email, found.AgentState, found.AiTokens30Days));
        Assert.NotNull(found.LastAgentRunAt);
        Assert.Equal(CandidateAgentStates.Stopped, Assert.Single((await overview.ListAsync("cand008", 1, CancellationToken.None)).Candidates).AgentState);
    }

    private static AgentTask Task(string agent, AgentTaskStatus status, DateTime created, TimeSpan? ran, string? error = null, string? user = null) => new()
    {
        Id = Guid.NewGuid(), Agent = agent, Status = status, UserId = user, CreatedAt = created, Error = error,
        StartedAt = ran is null ? null : created, CompletedAt = ran is null ? null : created + ran.Value,
    };
}
