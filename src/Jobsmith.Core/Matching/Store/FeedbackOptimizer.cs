using System.Globalization;
using System.Text.Json;
using Jobsmith.Core.Data;
using Jobsmith.Core.Jobs;
using Jobsmith.Core.Jobs.Store;
using Jobsmith.Core.Matching.Evaluation;
using Jobsmith.Core.Profiles.Preferences;
using Jobsmith.Core.Profiles.Store;
using Microsoft.EntityFrameworkCore;

namespace Jobsmith.Core.Matching.Store;

/// <summary>
/// Turns new feedback into learned changes (D5): new ranking weights from every thumbs up/down pair the candidate
/// gave (<see cref="FeedbackLearner"/>), and preference changes when the same thumbs-down reason repeats in the new
/// feedback. Each change is stored as a <see cref="PreferenceUpdate"/> and as a learned adjustment on the preferences.
/// </summary>
public sealed class FeedbackOptimizer(AppDbContext db, PreferencesService preferences, ProfileStore profiles, TimeProvider clock)
{
    /// <summary>One thumbs down is an opinion about one job; two with the same reason are a pattern.</summary>
    public const int RepeatThreshold = 2;

    /// <summary>Weight changes smaller than this are noise, not worth showing the candidate.</summary>
    private const float MinWeightChange = 0.005f;

    public async Task<int> OptimizeAllAsync(CancellationToken cancellationToken)
    {
        var users = await db.Set<MatchFeedback>().Where(f => f.ProcessedAt == null).Select(f => f.UserId).Distinct().ToListAsync(cancellationToken);
        var changes = 0;
        foreach (var user in users) changes += (await OptimizeAsync(user, cancellationToken)).Count;
        return changes;
    }

    public async Task<IReadOnlyList<PreferenceUpdateView>> OptimizeAsync(string userId, CancellationToken cancellationToken)
    {
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

        var stated = (await preferences.GetAsync(userId, cancellationToken)).Values;
        var downs = fresh.Where(x => !x.Feedback.ThumbsUp).GroupBy(x => x.Feedback.Reason)
            .Where(g => g.Count() >= RepeatThreshold).ToDictionary(g => g.Key, g => g.Select(x => (x.Feedback.Id, Posting: StoredPostingReader.ToPosting(x.Posting))).ToList());
        var profileLevel = MatchProfile.FromResume(await profiles.CurrentResumeAsync(userId, cancellationToken)).Level;
        foreach (var (reason, evidence) in downs)
        {
            if (Rule(reason, stated, profileLevel, evidence.Select(e => e.Posting).ToList()) is not { } change) continue;
            var errors = await preferences.UpdateAsync(userId, change.Apply, cancellationToken);
            if (errors.Count > 0) continue;
            stated = change.Apply(stated);
            updates.Add(Record(userId, change.Field, change.Old, change.New, evidence.Select(e => e.Id), change.Why, now));
        }

        foreach (var x in fresh) x.Feedback.ProcessedAt = now;
        db.Set<PreferenceUpdate>().AddRange(updates);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var u in updates)
            await preferences.AddLearnedAsync(userId, new LearnedAdjustment(u.Field, u.NewValue, 1, u.Reason, now), cancellationToken);
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

    private sealed record Change(string Field, string Old, string New, string Why, Func<PreferenceValues, PreferenceValues> Apply);

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
                    $"{disliked.Count} on-site or hybrid jobs marked wrong location", v => v with { RemotePreference = "remote" });
            case FeedbackReasons.SalaryTooLow:
            {
                var stated_ = disliked.Select(p => p.Salary).Where(s => s is { Period: SalaryPeriod.Year } && (stated.SalaryCurrency is null || s.Currency == stated.SalaryCurrency))
                    .Select(s => s!.Max ?? s.Min).OfType<decimal>().ToList();
                if (stated_.Count == 0 || stated_.Max() <= (stated.SalaryMin ?? 0)) return null;
                var floor = stated_.Max();
                return new Change(LearnedFields.SalaryMin, stated.SalaryMin?.ToString("0.##", CultureInfo.InvariantCulture) ?? "", floor.ToString("0.##", CultureInfo.InvariantCulture),
                    $"{disliked.Count} jobs paying up to {floor:0} a year marked salary too low", v => v with { SalaryMin = floor, SalaryMax = v.SalaryMax < floor ? null : v.SalaryMax });
            }
            default:
                return null;
        }
    }

    private static Change? Level(PreferenceValues stated, string next, string why) =>
        next == stated.ExperienceLevel ? null : new Change(LearnedFields.ExperienceLevel, stated.ExperienceLevel ?? "", next, why, v => v with { ExperienceLevel = next });

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
