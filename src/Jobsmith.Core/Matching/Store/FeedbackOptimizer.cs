using System.Globalization;
using System.Text.Json;
using Jobsmith.Core.Data;
using Jobsmith.Core.Flags;
using Jobsmith.Core.Jobs;
using Jobsmith.Core.Jobs.Store;
using Jobsmith.Core.Matching.Evaluation;
using Jobsmith.Core.Notifications;
using Jobsmith.Core.Profiles.Preferences;
using Jobsmith.Core.Profiles.Store;
using Microsoft.EntityFrameworkCore;

namespace Jobsmith.Core.Matching.Store;

/// <summary>
/// Turns new feedback into learned changes (D5): new ranking weights from every thumbs up/down pair the candidate
/// gave (<see cref="FeedbackLearner"/>), and preference changes when the same thumbs-down reason repeats in the new
/// feedback. Each change is stored as a <see cref="PreferenceUpdate"/> and as an entry of the learned layer, never
/// over what the candidate typed (B3); both, the feedback's processed mark and the candidate's notice commit together.
/// </summary>
public sealed class FeedbackOptimizer(AppDbContext db, PreferencesService preferences, ProfileStore profiles, NotificationCenter notifications, AgentSwitches switches, TimeProvider clock)
{
    public const string LearnedNotificationType = "preferences.learned";

    /// <summary>One thumbs down is an opinion about one job; two with the same reason are a pattern.</summary>
    public const int RepeatThreshold = 2;

    /// <summary>Weight changes smaller than this are noise, not worth showing the candidate.</summary>
    private const float MinWeightChange = 0.005f;

    public async Task<bool> IsAllowedAsync(CancellationToken cancellationToken) =>
        await switches.IsEnabledAsync(FeatureFlagCatalog.FeedbackOptimization, cancellationToken)
        && await switches.IsOnAsync(FeatureFlagCatalog.FeedbackOptimizer, cancellationToken);

    public async Task<int> OptimizeAllAsync(CancellationToken cancellationToken)
    {
        if (!await IsAllowedAsync(cancellationToken)) return 0;
        var users = await db.Set<MatchFeedback>().Where(f => f.ProcessedAt == null).Select(f => f.UserId).Distinct().ToListAsync(cancellationToken);
        var changes = 0;
        foreach (var user in users) changes += (await OptimizeAsync(user, cancellationToken)).Count;
        return changes;
    }

    public async Task<IReadOnlyList<PreferenceUpdateView>> OptimizeAsync(string userId, CancellationToken cancellationToken)
    {
        // Switched off, feedback stays unprocessed: it is learned from once the optimizer is allowed to run again.
        if (!await IsAllowedAsync(cancellationToken)) return [];
        var all = await (
            from f in db.Set<MatchFeedback>().Where(f => f.UserId == userId)
            join m in db.Set<StoredMatch>().Where(m => m.UserId == userId) on f.PostingId equals m.PostingId
            join p in db.Set<StoredPosting>() on f.PostingId equals p.Id
            select new { Feedback = f, m.FeaturesJson, Posting = p }).ToListAsync(cancellationToken);
        var fresh = all.Where(x => x.Feedback.ProcessedAt == null).ToList();
        if (fresh.Count == 0) return [];

        var now = clock.GetUtcNow().UtcDateTime;
        var updates = new List<PreferenceUpdate>();
        var signals = all.Select(x => new FeedbackSignal(JsonSerializer.Deserialize<MatchFeatures>(x.FeaturesJson, CandidateMatchInputs.Json), x.Feedback.ThumbsUp)).ToList();
        var weightsUpdate = await LearnWeightsAsync(userId, signals, fresh.Select(x => x.Feedback.Id), now, cancellationToken);
        if (weightsUpdate is not null) updates.Add(weightsUpdate);

        var stated = (await preferences.GetAsync(userId, cancellationToken)).Effective;
        var downs = fresh.Where(x => !x.Feedback.ThumbsUp).GroupBy(x => x.Feedback.Reason)
            .Where(g => g.Count() >= RepeatThreshold).ToDictionary(g => g.Key, g => g.Select(x => (x.Feedback.Id, Posting: StoredPostingReader.ToPosting(x.Posting))).ToList());
        var profileLevel = MatchProfile.FromResume(await profiles.CurrentResumeAsync(userId, cancellationToken)).Level;
        foreach (var (reason, evidence) in downs)
        {
            if (Rule(reason, stated, profileLevel, evidence.Select(e => e.Posting).ToList()) is not { } change) continue;
            var next = LearnedLayer.Apply(stated, change.Field, change.New);
            if (PreferencesValidator.Validate(PreferencesValidator.Normalize(next)).Count > 0) continue;
            stated = next;
            updates.Add(Record(userId, change.Field, change.Old, change.New, evidence.Select(e => e.Id), change.Why, now));
        }

        foreach (var x in fresh) x.Feedback.ProcessedAt = now;
        db.Set<PreferenceUpdate>().AddRange(updates);
        foreach (var u in updates)
            await preferences.StageLearnedAsync(userId, new LearnedAdjustment(u.Field, u.NewValue, 1, u.Reason, now, u.Id), cancellationToken);
        var notice = updates.Count == 0 ? null : notifications.Stage(userId, LearnedNotificationType,
            updates.Count == 1 ? "We learned from your ratings" : $"We learned {updates.Count} things from your ratings",
            string.Join(" ", updates.Select(u => LearnedChangeText.Describe(PreferenceUpdateView.From(u)))) + " You can undo any of these on your matches page.");
        // One SaveChanges is one transaction: the records, the learned layer, the processed marks and the notice
        // are stored together or not at all, so a crash cannot leave a learned change without its record.
        await db.SaveChangesAsync(cancellationToken);
        if (notice is not null) await notifications.PublishAsync(notice, cancellationToken);
        return [.. updates.Select(PreferenceUpdateView.From)];
    }

    private async Task<PreferenceUpdate?> LearnWeightsAsync(string userId, IReadOnlyList<FeedbackSignal> signals, IEnumerable<Guid> feedbackIds, DateTime now, CancellationToken cancellationToken)
    {
        var current = await new LearnedWeights(db).CurrentAsync(userId, cancellationToken);
        var learned = FeedbackLearner.Update(current, signals);
        var moved = current.ToArray().Zip(learned.ToArray(), (a, b) => Math.Abs(a - b)).Max();
        if (moved < MinWeightChange) return null;
        return Record(userId, LearnedFields.Weights, CandidateMatchInputs.WeightsJson(current), CandidateMatchInputs.WeightsJson(learned), feedbackIds,
            $"{signals.Count(s => s.ThumbsUp)} thumbs up and {signals.Count(s => !s.ThumbsUp)} thumbs down reweighted the ranking signals", now);
    }

    private sealed record Change(string Field, string Old, string New, string Why);

    /// <summary>The preference change a repeated thumbs-down reason implies, or null when it implies none we can make.</summary>
    private static Change? Rule(string reason, PreferenceValues stated, int profileLevel, List<JobPosting> disliked)
    {
        var statedLevel = CandidateMatchInputs.LevelOf(stated.ExperienceLevel);
        var levels = disliked.Select(p => Levels.Of(p.Seniority)).Where(l => l != Levels.Unknown).ToList();
        var baseLevel = statedLevel != Levels.Unknown ? statedLevel : profileLevel != Levels.Unknown ? profileLevel : 2;
        switch (reason)
        {
            case FeedbackReasons.TooJunior:
            {
                // Aim above both what we assumed and the jobs that were judged too junior.
                var next = CandidateMatchInputs.LevelName(Math.Max(baseLevel, levels.DefaultIfEmpty(baseLevel).Max()) + 1);
                return Level(stated, next, $"{disliked.Count} jobs marked too junior");
            }
            case FeedbackReasons.TooSenior:
            {
                var next = CandidateMatchInputs.LevelName(Math.Min(baseLevel, levels.DefaultIfEmpty(baseLevel).Min()) - 1);
                return Level(stated, next, $"{disliked.Count} jobs marked too senior");
            }
            case FeedbackReasons.WrongLocation when disliked.All(p => p.Remote is RemoteType.Onsite or RemoteType.Hybrid) && stated.RemotePreference != "remote":
                return new Change(LearnedFields.RemotePreference, stated.RemotePreference ?? "", "remote",
                    $"{disliked.Count} on-site or hybrid jobs marked wrong location");
            case FeedbackReasons.SalaryTooLow:
            {
                var stated_ = disliked.Select(p => p.Salary).Where(s => s is { Period: SalaryPeriod.Year } && (stated.SalaryCurrency is null || s.Currency == stated.SalaryCurrency))
                    .Select(s => s!.Max ?? s.Min).OfType<decimal>().ToList();
                if (stated_.Count == 0 || stated_.Max() <= (stated.SalaryMin ?? 0)) return null;
                var floor = stated_.Max();
                return new Change(LearnedFields.SalaryMin, stated.SalaryMin?.ToString("0.##", CultureInfo.InvariantCulture) ?? "", floor.ToString("0.##", CultureInfo.InvariantCulture),
                    $"{disliked.Count} jobs paying up to {floor:0} a year marked salary too low");
            }
            default:
                return null;
        }
    }

    private static Change? Level(PreferenceValues stated, string next, string why) =>
        next == stated.ExperienceLevel ? null : new Change(LearnedFields.ExperienceLevel, stated.ExperienceLevel ?? "", next, why);

    private PreferenceUpdate Record(string userId, string field, string old, string @new, IEnumerable<Guid> feedbackIds, string why, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(clock.GetUtcNow()),
        UserId = userId,
        Field = field,
        OldValue = old,
        NewValue = @new,
        FeedbackIdsJson = JsonSerializer.Serialize(feedbackIds.ToArray(), CandidateMatchInputs.Json),
        Reason = why.Truncate(500),
        AppliedAt = now,
    };
}
