using System.Text.Json;
using Jobsmith.Core.Data;
using Jobsmith.Core.Profiles.Model;
using Jobsmith.Core.Skills;
using Microsoft.EntityFrameworkCore;

namespace Jobsmith.Core.Profiles.Store;

/// <summary>
/// The candidate's profile facts: read, correct, delete and add (B2 review, A3). Every query is scoped to the
/// user id it is given; a fact id of another user is simply not found.
/// </summary>
public sealed class ProfileStore(AppDbContext db, TimeProvider clock)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<ProfileView> GetAsync(string userId, CancellationToken cancellationToken)
    {
        var row = await db.Set<CandidateProfile>().AsNoTracking().FirstOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        return row is null
            ? new ProfileView([], 0, [.. Analysis.CompletenessScorer.Weights.Select(w => w.Item)], null, null, null, OnboardingSteps.Resume, false, null)
            : View(row);
    }

    /// <summary>The profile as a resume model with corrections applied, for exports (JSON Resume) and scoring.</summary>
    public async Task<ParsedResume> CurrentResumeAsync(string userId, CancellationToken cancellationToken) =>
        FactProfileBuilder.Build((await GetAsync(userId, cancellationToken)).Facts);

    public async Task<ProfileView> UpdateBasicsAsync(string userId, string? headline, double? years, CancellationToken cancellationToken)
    {
        var row = await LoadOrCreateAsync(userId, cancellationToken);
        row.Headline = string.IsNullOrWhiteSpace(headline) ? null : headline.Trim();
        row.YearsOfExperience = years;
        row.UpdatedAt = Now;
        await db.SaveChangesAsync(cancellationToken);
        return View(row);
    }

    public async Task<FactChange> EditFactAsync(string userId, string factId, string? value, CancellationToken cancellationToken)
    {
        var row = await db.Set<CandidateProfile>().FirstOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        var facts = row is null ? [] : Facts(row);
        var index = facts.FindIndex(f => f.Id == factId && !f.Deleted);
        if (row is null || index < 0) return new FactChange(FactChangeStatus.NotFound);
        if (FactKinds.Check(facts[index].Kind, value) is { } error) return new FactChange(FactChangeStatus.Invalid, Error: error);
        // The parsed value stays on the fact: a correction is recorded next to the evidence, never over it.
        facts[index] = facts[index] with { Value = value!.Trim(), Source = FactSources.Edited, Reviewed = true };
        Save(row, facts);
        await db.SaveChangesAsync(cancellationToken);
        return new FactChange(FactChangeStatus.Changed, facts[index]);
    }

    /// <summary>
    /// Saves the changed values of several facts at once (one review card). Nothing is saved unless every changed value
    /// is valid; the errors name the fact ids, so the page can show each next to its field.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, string>> EditFactsAsync(string userId, IReadOnlyDictionary<string, string?> values, CancellationToken cancellationToken)
    {
        var row = await db.Set<CandidateProfile>().FirstOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        var facts = row is null ? [] : Facts(row);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var changes = new List<(int Index, string Value)>();
        foreach (var (id, value) in values)
        {
            var index = facts.FindIndex(f => f.Id == id && !f.Deleted);
            if (index < 0) { errors[id] = "This fact no longer exists."; continue; }
            if (value?.Trim() == facts[index].Value) continue;
            if (FactKinds.Check(facts[index].Kind, value) is { } error) errors[id] = error;
            else changes.Add((index, value!.Trim()));
        }
        if (row is null || errors.Count > 0 || changes.Count == 0) return errors;
        foreach (var (index, value) in changes) facts[index] = facts[index] with { Value = value, Source = FactSources.Edited, Reviewed = true };
        Save(row, facts);
        await db.SaveChangesAsync(cancellationToken);
        return errors;
    }

    /// <summary>The candidate confirms every fact as shown ("accept all"); returns how many were newly confirmed.</summary>
    public async Task<int> AcceptAllAsync(string userId, CancellationToken cancellationToken)
    {
        var row = await db.Set<CandidateProfile>().FirstOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        if (row is null) return 0;
        var facts = Facts(row);
        var count = facts.Count(f => !f.Deleted && !f.Reviewed);
        if (count == 0) return 0;
        Save(row, [.. facts.Select(f => f.Deleted ? f : f with { Reviewed = true })]);
        await db.SaveChangesAsync(cancellationToken);
        return count;
    }

    public async Task<bool> DeleteFactAsync(string userId, string factId, CancellationToken cancellationToken)
    {
        var row = await db.Set<CandidateProfile>().FirstOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        var facts = row is null ? [] : Facts(row);
        var index = facts.FindIndex(f => f.Id == factId && !f.Deleted);
        if (row is null || index < 0) return false;
        // Kept as deleted rather than dropped, so the review can show what was parsed and the candidate removed.
        facts[index] = facts[index] with { Deleted = true };
        Save(row, facts);
        if (facts[index].Kind == "skill") await ForgetResumeSkillAsync(userId, facts[index].Value, facts, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    // A skill the resume gave and the candidate deleted in review leaves their skills too, unless another fact still
    // names it or the candidate claimed it (or an interview verified it) on its own.
    private async Task ForgetResumeSkillAsync(string userId, string value, List<ProfileFact> facts, CancellationToken cancellationToken)
    {
        if (SkillsCatalogue.Default.FindListed(value) is not { } skill) return;
        var stillNamed = facts.Any(f => f.Kind == "skill" && !f.Deleted && SkillsCatalogue.Default.FindListed(f.Value)?.Id == skill.Id);
        if (stillNamed) return;
        var rows = await db.Set<UserSkill>()
            .Where(s => s.UserId == userId && s.SkillId == skill.Id && s.Source == "resume" && s.Verification == SkillVerification.Unverified)
            .ToListAsync(cancellationToken);
        db.Set<UserSkill>().RemoveRange(rows);
    }

    /// <summary>
    /// Adds facts the candidate typed (an education or a job in onboarding). Kinds with an entry (experience.*,
    /// education.*) become one new entry. Returns the error of the first bad value, or null.
    /// </summary>
    public async Task<string?> AddFactsAsync(string userId, IReadOnlyList<(string Kind, string Value)> values, CancellationToken cancellationToken)
    {
        var given = values.Where(v => !string.IsNullOrWhiteSpace(v.Value)).ToList();
        foreach (var (kind, value) in given)
            if (FactKinds.Check(kind, value) is { } error) return $"{kind}: {error}";
        if (given.Count == 0) return null;
        var row = await LoadOrCreateAsync(userId, cancellationToken);
        var facts = Facts(row);
        var prefix = given[0].Kind.Split('.')[0] + ".";
        int? entry = FactKinds.HasEntry(given[0].Kind)
            ? facts.Where(f => f.Kind.StartsWith(prefix, StringComparison.Ordinal) && f.Entry is not null).Select(f => f.Entry!.Value).DefaultIfEmpty(-1).Max() + 1
            : null;
        var next = facts.Where(f => f.Id.StartsWith("u-", StringComparison.Ordinal)).Select(f => int.Parse(f.Id[2..], System.Globalization.CultureInfo.InvariantCulture)).DefaultIfEmpty(0).Max();
        foreach (var (kind, value) in given)
            facts.Add(new ProfileFact($"u-{++next}", kind, FactKinds.HasEntry(kind) ? entry : null, value.Trim()) { Source = FactSources.Edited });
        Save(row, facts);
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    public async Task SetOnboardingStepAsync(string userId, string step, CancellationToken cancellationToken)
    {
        if (!OnboardingSteps.IsKnown(step)) throw new ArgumentOutOfRangeException(nameof(step), step, "unknown onboarding step");
        var row = await LoadOrCreateAsync(userId, cancellationToken);
        row.OnboardingStep = step;
        if (step == OnboardingSteps.Done) row.OnboardingCompletedAt ??= Now;
        row.UpdatedAt = Now;
        await db.SaveChangesAsync(cancellationToken);
    }

    internal async Task<CandidateProfile> LoadOrCreateAsync(string userId, CancellationToken cancellationToken)
    {
        var row = await db.Set<CandidateProfile>().FirstOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        if (row is not null) return row;
        row = new CandidateProfile { UserId = userId, UpdatedAt = Now };
        Save(row, []);
        db.Set<CandidateProfile>().Add(row);
        return row;
    }

    internal static List<ProfileFact> Facts(CandidateProfile row) => JsonSerializer.Deserialize<List<ProfileFact>>(row.FactsJson, Json) ?? [];

    /// <summary>Stores the facts and recomputes completeness from them, so the score always matches what is shown.</summary>
    internal void Save(CandidateProfile row, List<ProfileFact> facts)
    {
        row.FactsJson = JsonSerializer.Serialize(facts, Json);
        var completeness = FactProfileBuilder.Build(facts).Completeness;
        row.CompletenessScore = completeness.Score;
        row.MissingJson = JsonSerializer.Serialize(completeness.Missing, Json);
        row.UpdatedAt = Now;
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private static ProfileView View(CandidateProfile row) => new(
        [.. Facts(row).Where(f => !f.Deleted)], row.CompletenessScore,
        JsonSerializer.Deserialize<List<string>>(row.MissingJson, Json) ?? [], row.Headline, row.YearsOfExperience,
        row.CurrentVersionId, OnboardingSteps.Current(row.OnboardingStep), row.OnboardingCompletedAt is not null, row.UpdatedAt);
}
