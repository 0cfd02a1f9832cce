using Jobsmith.Core.Agents;
using Jobsmith.Core.Applications;
using Jobsmith.Core.Data;
using Jobsmith.Core.Flags;
using Jobsmith.Core.Matching.Store;
using Jobsmith.Core.Orchestration;
using Jobsmith.Tests.Matching.Store;
using Jobsmith.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jobsmith.Tests.Orchestration;

/// <summary>
/// K3 on both databases, through the real event processor: a running agent turns new postings into matches and its
/// best new matches into drafts awaiting approval — within its minimum score and daily cap, never twice for one
/// posting, and not at all while paused, stopped or switched off; resuming catches up.
/// </summary>
public sealed class CandidateAgentLoopTests
{
    // A few dozen events at most here; past this the agents would be feeding each other.
    private const int MaxEvents = 500;

    private const string MorePostings = """
        external_id,title,company,location,remote,salary,description
        n-1,Senior Backend Engineer,Ivy,Berlin,yes,,Remote: Python, Go and Kafka on PostgreSQL.
        n-2,Senior Python Engineer,Juniper,Berlin,yes,,Remote: Python services with PostgreSQL and AWS.
        """;

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_running_agent_matches_new_postings_and_drafts_its_best_matches_for_approval_within_its_cap(string provider)
    {
        await using var harness = await MatchStoreHarness.CreateAsync(provider);
        var running = await harness.AddCandidateAsync("running@example.com");
        var stopped = await harness.AddCandidateAsync("stopped@example.com");
        var started = await Change(harness, running, CandidateAgentStates.Running, new CandidateAgentSettings(30, 2));
        Assert.Equal((AgentChangeStatus.Done, CandidateAgentStates.Running), (started.Status, started.View.State));
        await DrainAsync(harness);

        // The running candidate got matches and exactly two drafts (the cap), the best-scoring ones, waiting for approval.
        Assert.True(await MatchCount(harness, running) > 0);
        var drafts = await DraftsAsync(harness, running);
        Assert.Equal(2, drafts.Count);
        Assert.All(drafts, d => Assert.Equal(ApplicationStates.AwaitingApproval, d.State));
        var scores = await harness.InScopeAsync(async sp => await sp.GetRequiredService<AppDbContext>().Set<StoredMatch>()
            .Where(m => m.UserId == running).Select(m => new { m.PostingId, m.Score }).ToListAsync());
        var drafted = scores.Where(s => drafts.Any(d => d.PostingId == s.PostingId)).Min(s => s.Score);
        Assert.True(scores.Where(s => drafts.All(d => d.PostingId != s.PostingId)).All(s => s.Score <= drafted), "the drafter did not take the best matches");
        Assert.Equal(2, (await Status(harness, running)).DraftedToday);
        // The stopped candidate's agent did nothing.
        Assert.Equal(0, await MatchCount(harness, stopped));
        Assert.Empty(await DraftsAsync(harness, stopped));

        // New postings: matched, but today's two drafts are made.
        await harness.ImportAsync(MorePostings);
        await DrainAsync(harness);
        Assert.Equal(2, (await DraftsAsync(harness, running)).Count);
        Assert.Contains(await OutputsAsync(harness, running, FeatureFlagCatalog.Drafter), o => o.Contains("today's 2 drafts are made", StringComparison.Ordinal));

        // Every event run again from scratch (a crash before the tasks were recorded) repeats nothing.
        var matches = await MatchCount(harness, running);
        await harness.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            await db.Set<AgentTask>().ExecuteDeleteAsync();
            return await db.Set<AgentEvent>().ExecuteUpdateAsync(e => e.SetProperty(x => x.ProcessedAt, (DateTime?)null));
        });
        await DrainAsync(harness);
        Assert.Equal(matches, await MatchCount(harness, running));
        Assert.Equal(2, (await DraftsAsync(harness, running)).Count);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_paused_agent_waits_and_catches_up_when_resumed_and_a_switched_off_drafter_says_so(string provider)
    {
        await using var harness = await MatchStoreHarness.CreateAsync(provider);
        var user = await harness.AddCandidateAsync("paused@example.com");
        await Change(harness, user, CandidateAgentStates.Paused, null);
        await DrainAsync(harness);
        Assert.Equal(0, await MatchCount(harness, user));

        // Resumed with the drafter switched off by an admin: it matches, and the drafter's task says why nothing was drafted.
        await harness.InScopeAsync(async sp =>
        {
            await sp.GetRequiredService<FeatureFlagService>().SetAsync(FeatureFlagCatalog.AgentFlag(FeatureFlagCatalog.Drafter), false, "admin", CancellationToken.None);
            return true;
        });
        await Change(harness, user, CandidateAgentStates.Running, new CandidateAgentSettings(30, 5));
        await DrainAsync(harness);
        Assert.True(await MatchCount(harness, user) > 0);
        Assert.Empty(await DraftsAsync(harness, user));
        Assert.Contains(await OutputsAsync(harness, user, FeatureFlagCatalog.Drafter), o => o.Contains("switched off", StringComparison.Ordinal));

        // Stopped: new postings are not even matched for this candidate.
        var before = await MatchCount(harness, user);
        await Change(harness, user, CandidateAgentStates.Stopped, null);
        await harness.ImportAsync(MorePostings);
        await DrainAsync(harness);
        Assert.Equal(before, await MatchCount(harness, user));
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Started_after_matching_by_hand_it_drafts_the_existing_matches_but_never_one_rated_down(string provider)
    {
        await using var harness = await MatchStoreHarness.CreateAsync(provider);
        var user = await harness.AddCandidateAsync("by-hand@example.com");
        var run = await harness.InScopeAsync(sp => sp.GetRequiredService<MatchRunner>().RunAsync(user, 20, CancellationToken.None));
        var best = run.Matches.MaxBy(m => m.Score)!;
        await harness.InScopeAsync(sp => sp.GetRequiredService<FeedbackService>().GiveAsync(user, best.PostingId, false, FeedbackReasons.Other, "not for me", CancellationToken.None));
        await DrainAsync(harness);

        await Change(harness, user, CandidateAgentStates.Running, new CandidateAgentSettings(30, CandidateAgent.MaxDraftsPerDay));
        await DrainAsync(harness);
        var drafts = await DraftsAsync(harness, user);
        Assert.Equal(run.Matches.Count(m => m.Score >= 30) - 1, drafts.Count);
        Assert.NotEmpty(drafts);
        Assert.DoesNotContain(drafts, d => d.PostingId == best.PostingId);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Starting_twice_at_once_starts_once_and_settings_outside_the_bounds_are_refused(string provider)
    {
        await using var harness = await MatchStoreHarness.CreateAsync(provider);
        var user = await harness.AddCandidateAsync("double@example.com");
        var both = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() => Change(harness, user, CandidateAgentStates.Running, null))));
        Assert.All(both, c => Assert.Equal((AgentChangeStatus.Done, CandidateAgentStates.Running), (c.Status, c.View.State)));
        var startedEvents = await harness.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Set<AgentEvent>()
            .CountAsync(e => e.UserId == user && e.Type == EventTypes.AgentStarted));
        Assert.Equal(1, startedEvents);

        var refused = await Change(harness, user, CandidateAgentStates.Running, new CandidateAgentSettings(5, 100));
        Assert.Equal(AgentChangeStatus.Invalid, refused.Status);
        Assert.Equal(["draftsPerDay", "minScore"], refused.Errors!.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(CandidateAgent.DefaultMinScore, (await Status(harness, user)).MinScore);
    }

    private static Task<AgentChange> Change(MatchStoreHarness harness, string user, string state, CandidateAgentSettings? settings) =>
        harness.InScopeAsync(sp => sp.GetRequiredService<CandidateAgents>().ChangeAsync(user, state, settings, CancellationToken.None));

    private static Task<CandidateAgentView> Status(MatchStoreHarness harness, string user) =>
        harness.InScopeAsync(sp => sp.GetRequiredService<CandidateAgents>().GetAsync(user, CancellationToken.None));

    /// <summary>What the dispatcher does: every waiting event through the processor, each in its own scope, until none are left.</summary>
    private static Task<int> DrainAsync(MatchStoreHarness harness) =>
        harness.Host.Services.GetRequiredService<PendingEvents>().ProcessAllAsync(MaxEvents, null, CancellationToken.None);

    private static Task<int> MatchCount(MatchStoreHarness harness, string user) =>
        harness.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Set<StoredMatch>().CountAsync(m => m.UserId == user));

    private static async Task<List<JobApplication>> DraftsAsync(MatchStoreHarness harness, string user) =>
        await harness.InScopeAsync(async sp => await sp.GetRequiredService<AppDbContext>().Set<JobApplication>().AsNoTracking()
            .Where(a => a.UserId == user).ToListAsync());

    private static Task<List<string>> OutputsAsync(MatchStoreHarness harness, string user, string agent) =>
        harness.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Set<AgentTask>()
            .Where(t => t.UserId == user && t.Agent == agent).Select(t => t.Output ?? "").ToListAsync());
}
