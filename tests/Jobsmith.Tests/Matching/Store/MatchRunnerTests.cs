using Jobsmith.Core.Agents;
using Jobsmith.Core.Data;
using Jobsmith.Core.Matching.Store;
using Jobsmith.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jobsmith.Tests.Matching.Store;

/// <summary>Match runs on both providers: top N per run, never the same posting twice per candidate (D4), one event per run.</summary>
public sealed class MatchRunnerTests
{
    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Runs_store_top_n_never_repeat_a_posting_and_publish_one_event_each(string provider)
    {
        await using var harness = await MatchStoreHarness.CreateAsync(provider);
        var priya = await harness.AddCandidateAsync("priya@example.com");
        var other = await harness.AddCandidateAsync("other@example.com");

        var runs = new List<MatchRun>();
        for (var i = 0; i < 3; i++)
            runs.Add(await harness.InScopeAsync(sp => sp.GetRequiredService<MatchRunner>().RunAsync(priya, 3, CancellationToken.None)));
        var theirs = await harness.InScopeAsync(sp => sp.GetRequiredService<MatchRunner>().RunAsync(other, 3, CancellationToken.None));

        Assert.Equal([3, 3, 2], runs.Select(r => r.Matches.Count));
        var shown = runs.SelectMany(r => r.Matches).Select(m => m.PostingId).ToList();
        Assert.Equal(8, shown.Distinct().Count());
        Assert.All(runs, r => Assert.Equal(r.Matches.Select(m => m.Score).OrderByDescending(s => s), r.Matches.Select(m => m.Score)));
        Assert.Equal(runs[0].Matches.Select(m => m.PostingId), theirs.Matches.Select(m => m.PostingId));

        var stored = await harness.InScopeAsync(sp => sp.GetRequiredService<MatchQueries>().MatchesAsync(priya, 100, CancellationToken.None));
        Assert.Equal(shown.Order(), stored.Select(m => m.PostingId).Order());
        Assert.Contains(stored, m => m.Reasons.Matched.Contains("Python"));
        var events = await harness.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Set<AgentEvent>()
            .Where(e => e.Type == EventTypes.JobMatchFound && e.UserId == priya).CountAsync());
        Assert.Equal(3, events);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_unique_user_and_posting_pair_is_enforced_by_the_database(string provider)
    {
        await using var harness = await MatchStoreHarness.CreateAsync(provider);
        var priya = await harness.AddCandidateAsync("priya@example.com");
        var run = await harness.InScopeAsync(sp => sp.GetRequiredService<MatchRunner>().RunAsync(priya, 1, CancellationToken.None));

        var duplicate = harness.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            db.Set<StoredMatch>().Add(new StoredMatch { Id = Guid.NewGuid(), UserId = priya, PostingId = run.Matches[0].PostingId, RunId = Guid.NewGuid() });
            return await db.SaveChangesAsync();
        });

        await Assert.ThrowsAsync<DbUpdateException>(() => duplicate);
    }
}
