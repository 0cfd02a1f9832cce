using Jobsmith.Core.Matching;
using Jobsmith.Core.Matching.Store;
using Jobsmith.Core.Notifications;
using Jobsmith.Core.Profiles.Preferences;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
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
        Assert.Equal(("lead", "remote"), (learned.Effective.ExperienceLevel, learned.Effective.RemotePreference));
        // What the candidate typed is untouched by learning (B3): the learned layer lies over it.
        Assert.Equal((null, "any"), (learned.Values.ExperienceLevel, learned.Values.RemotePreference));
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
        Assert.Equal((null, "remote"), (restored.Effective.ExperienceLevel, restored.Effective.RemotePreference));
        Assert.Equal(["remote_preference"], restored.Learned.Select(l => l.Field));
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

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Learning_leaves_the_typed_preferences_as_typed_and_tells_the_candidate(string provider)
    {
        await using var harness = await MatchStoreHarness.CreateAsync(provider);
        var priya = await harness.AddCandidateAsync("priya@example.com");
        var run = await harness.InScopeAsync(sp => sp.GetRequiredService<MatchRunner>().RunAsync(priya, 8, CancellationToken.None));
        var id = run.Matches.ToDictionary(m => m.ExternalId, m => m.PostingId);
        await GiveAsync(harness, priya, id["o-1"], false, FeedbackReasons.WrongLocation);
        await GiveAsync(harness, priya, id["o-2"], false, FeedbackReasons.WrongLocation);

        await harness.InScopeAsync(sp => sp.GetRequiredService<FeedbackOptimizer>().OptimizeAsync(priya, CancellationToken.None));
        var view = await harness.InScopeAsync(sp => sp.GetRequiredService<PreferencesService>().GetAsync(priya, CancellationToken.None));
        // The candidate edits the typed values later: the learned layer still lies over them, and their edit is kept.
        var (errors, edited) = await harness.InScopeAsync(sp => sp.GetRequiredService<PreferencesService>().SaveAsync(priya, view.Values with { Titles = ["Data Engineer"] }, CancellationToken.None));
        var notices = await harness.InScopeAsync(sp => sp.GetRequiredService<NotificationCenter>().ListAsync(priya, 50, CancellationToken.None));

        Assert.Equal("any", view.Values.RemotePreference);
        Assert.Equal("remote", view.Effective.RemotePreference);
        Assert.Empty(errors);
        Assert.Equal(("any", "remote"), (edited!.Values.RemotePreference, edited.Effective.RemotePreference));
        Assert.Equal(["Data Engineer"], edited.Effective.Titles);
        var notice = Assert.Single(notices, n => n.Type == FeedbackOptimizer.LearnedNotificationType);
        Assert.Contains("remote", notice.Body, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_crash_while_saving_what_was_learned_leaves_nothing_half_saved(string provider)
    {
        var crash = new CrashOnLearnedChange();
        await using var harness = await MatchStoreHarness.CreateAsync(provider, s => s.AddSingleton<IInterceptor>(crash));
        var priya = await harness.AddCandidateAsync("priya@example.com");
        var run = await harness.InScopeAsync(sp => sp.GetRequiredService<MatchRunner>().RunAsync(priya, 8, CancellationToken.None));
        var id = run.Matches.ToDictionary(m => m.ExternalId, m => m.PostingId);
        await GiveAsync(harness, priya, id["j-1"], false, FeedbackReasons.TooJunior);
        await GiveAsync(harness, priya, id["j-2"], false, FeedbackReasons.TooJunior);

        crash.Armed = true;
        await Assert.ThrowsAsync<IOException>(() => harness.InScopeAsync(sp => sp.GetRequiredService<FeedbackOptimizer>().OptimizeAsync(priya, CancellationToken.None)));
        crash.Armed = false;
        var after = await harness.InScopeAsync(sp => sp.GetRequiredService<PreferencesService>().GetAsync(priya, CancellationToken.None));
        var records = await harness.InScopeAsync(sp => sp.GetRequiredService<MatchQueries>().UpdatesAsync(priya, CancellationToken.None));
        var retried = await harness.InScopeAsync(sp => sp.GetRequiredService<FeedbackOptimizer>().OptimizeAsync(priya, CancellationToken.None));

        Assert.Empty(records);
        Assert.Equal((null, null), (after.Values.ExperienceLevel, after.Effective.ExperienceLevel));
        Assert.Empty(after.Learned);
        Assert.Contains(retried, u => u.Field == LearnedFields.ExperienceLevel);
    }

    /// <summary>Fails the save that writes a learned change's record, as a crash at that moment would.</summary>
    private sealed class CrashOnLearnedChange : SaveChangesInterceptor
    {
        public volatile bool Armed;

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (Armed && eventData.Context!.ChangeTracker.Entries<PreferenceUpdate>().Any(e => e.State == EntityState.Added))
                throw new IOException("the process died while saving");
            return base.SavingChangesAsync(eventData, result, cancellationToken);
        }
    }

    private static Task<FeedbackView?> GiveAsync(MatchStoreHarness harness, string userId, Guid postingId, bool up, string reason) =>
        harness.InScopeAsync(sp => sp.GetRequiredService<FeedbackService>().GiveAsync(userId, postingId, up, reason, "because", CancellationToken.None));
}
