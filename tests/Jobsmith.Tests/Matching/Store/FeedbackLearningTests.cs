using Jobsmith.Core.Matching;
using Jobsmith.Core.Matching.Store;
using Jobsmith.Core.Profiles.Preferences;
using Jobsmith.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Jobsmith.Tests.Matching.Store;

/// <summary>Feedback, the optimizer's learned changes and undo (D5), on both providers.</summary>
public sealed class FeedbackLearningTests
{
    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Repeated_reasons_become_preference_updates_that_ranking_uses_and_undo_restores(string provider)
    {
        await using var harness = await MatchStoreHarness.CreateAsync(provider);
        var priya = await harness.AddCandidateAsync("priya@example.com");
        var other = await harness.AddCandidateAsync("other@example.com");
        var run = await harness.InScopeAsync(sp => sp.GetRequiredService<MatchRunner>().RunAsync(priya, 8, CancellationToken.None));
        var id = run.Matches.ToDictionary(m => m.ExternalId, m => m.PostingId);

        var junior1 = await GiveAsync(harness, priya, id["j-1"], false, FeedbackReasons.TooJunior);
        var junior2 = await GiveAsync(harness, priya, id["j-2"], false, FeedbackReasons.TooJunior);
        await GiveAsync(harness, priya, id["o-1"], false, FeedbackReasons.WrongLocation);
        await GiveAsync(harness, priya, id["o-2"], false, FeedbackReasons.WrongLocation);
        await GiveAsync(harness, priya, id["s-1"], true, FeedbackReasons.GoodMatch);
        var notShown = await GiveAsync(harness, other, id["s-1"], true, FeedbackReasons.GoodMatch);

        var updates = await harness.InScopeAsync(sp => sp.GetRequiredService<FeedbackOptimizer>().OptimizeAsync(priya, CancellationToken.None));
        var again = await harness.InScopeAsync(sp => sp.GetRequiredService<FeedbackOptimizer>().OptimizeAsync(priya, CancellationToken.None));

        Assert.Null(notShown);
        Assert.Empty(again);
        var level = Assert.Single(updates, u => u.Field == LearnedFields.ExperienceLevel);
        Assert.Equal(("", "lead"), (level.OldValue, level.NewValue));
        Assert.Equal(new[] { junior1!.Id, junior2!.Id }.Order(), level.FeedbackIds.Order());
        var remote = Assert.Single(updates, u => u.Field == LearnedFields.RemotePreference);
        Assert.Equal("remote", remote.NewValue);
        var weights = Assert.Single(updates, u => u.Field == LearnedFields.Weights);
        Assert.NotEqual(CandidateMatchInputs.WeightsJson(MatchWeights.Default), weights.NewValue);

        var learned = await harness.InScopeAsync(sp => sp.GetRequiredService<PreferencesService>().GetAsync(priya, CancellationToken.None));
        Assert.Equal(("lead", "remote"), (learned.Values.ExperienceLevel, learned.Values.RemotePreference));
        Assert.Equal(3, learned.Learned.Count);
        var feedback = await harness.InScopeAsync(sp => sp.GetRequiredService<MatchQueries>().FeedbackAsync(priya, CancellationToken.None));
        Assert.All(feedback, f => Assert.NotNull(f.ProcessedAt));

        var undoneByOther = await harness.InScopeAsync(sp => sp.GetRequiredService<PreferenceUndo>().UndoAsync(other, level.Id, CancellationToken.None));
        var undone = await harness.InScopeAsync(sp => sp.GetRequiredService<PreferenceUndo>().UndoAsync(priya, level.Id, CancellationToken.None));
        var twice = await harness.InScopeAsync(sp => sp.GetRequiredService<PreferenceUndo>().UndoAsync(priya, level.Id, CancellationToken.None));
        await harness.InScopeAsync(sp => sp.GetRequiredService<PreferenceUndo>().UndoAsync(priya, weights.Id, CancellationToken.None));

        Assert.Null(undoneByOther);
        Assert.NotNull(undone?.UndoneAt);
        // PostgreSQL keeps microseconds, so the first answer (from memory) may carry one more digit than the stored one.
        Assert.Equal(undone!.UndoneAt!.Value, twice!.UndoneAt!.Value, TimeSpan.FromMilliseconds(1));
        var restored = await harness.InScopeAsync(sp => sp.GetRequiredService<PreferencesService>().GetAsync(priya, CancellationToken.None));
        Assert.Equal((null, "remote"), (restored.Values.ExperienceLevel, restored.Values.RemotePreference));
        Assert.Equal(MatchWeights.Default, await harness.InScopeAsync(sp => sp.GetRequiredService<LearnedWeights>().CurrentAsync(priya, CancellationToken.None)));
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_learned_remote_preference_filters_on_site_jobs_from_the_next_run(string provider)
    {
        await using var harness = await MatchStoreHarness.CreateAsync(provider);
        var priya = await harness.AddCandidateAsync("priya@example.com");
        var first = await harness.InScopeAsync(sp => sp.GetRequiredService<MatchRunner>().RunAsync(priya, 8, CancellationToken.None));
        foreach (var m in first.Matches.Where(m => m.ExternalId.StartsWith("o-", StringComparison.Ordinal)))
            await GiveAsync(harness, priya, m.PostingId, false, FeedbackReasons.WrongLocation);
        await harness.InScopeAsync(sp => sp.GetRequiredService<FeedbackOptimizer>().OptimizeAllAsync(CancellationToken.None));
        // Every stored posting has been shown once, so only postings arriving later can be ranked next.
        await harness.ImportAsync("""
            external_id,title,company,location,remote,salary,description
            o-3,Senior Backend Engineer,Ivy,Cologne,no,,Onsite in Cologne: Python, Kafka and PostgreSQL.
            s-5,Senior Backend Engineer,Juniper,Berlin,yes,,Remote: Python, Kafka and PostgreSQL.
            """);

        var next = await harness.InScopeAsync(sp => sp.GetRequiredService<MatchRunner>().RunAsync(priya, 8, CancellationToken.None));

        Assert.Equal(8, first.Matches.Count);
        Assert.Equal("s-5", Assert.Single(next.Matches).ExternalId);
    }

    private static Task<FeedbackView?> GiveAsync(MatchStoreHarness harness, string userId, Guid postingId, bool up, string reason) =>
        harness.InScopeAsync(sp => sp.GetRequiredService<FeedbackService>().GiveAsync(userId, postingId, up, reason, "because", CancellationToken.None));
}
