using System.Text.Json;
using Jobsmith.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Jobsmith.Core.Profiles.Preferences;

/// <summary>Reads and saves a candidate's preferences; every call is scoped to one user id.</summary>
public sealed class PreferencesService(AppDbContext db, TimeProvider clock)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<PreferencesView> GetAsync(string userId, CancellationToken cancellationToken)
    {
        var row = await db.Set<JobPreferences>().AsNoTracking().FirstOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        return row is null ? new PreferencesView(new PreferenceValues(), [], null) : View(row);
    }

    /// <summary>Normalizes and validates, then stores; returns the errors (empty on success) and the stored view.</summary>
    public async Task<(IDictionary<string, string[]> Errors, PreferencesView? Saved)> SaveAsync(
        string userId, PreferenceValues values, CancellationToken cancellationToken)
    {
        var clean = PreferencesValidator.Normalize(values);
        var errors = PreferencesValidator.Validate(clean);
        if (errors.Count > 0) return (errors, null);
        var row = await db.Set<JobPreferences>().FirstOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        if (row is null) db.Set<JobPreferences>().Add(row = new JobPreferences { UserId = userId });
        row.ValuesJson = JsonSerializer.Serialize(clean, Json);
        row.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return (errors, View(row));
    }

    /// <summary>Applies a change to the stored values (used by the onboarding steps, which each own a few fields).</summary>
    public async Task<IDictionary<string, string[]>> UpdateAsync(
        string userId, Func<PreferenceValues, PreferenceValues> change, CancellationToken cancellationToken)
    {
        var current = await GetAsync(userId, cancellationToken);
        return (await SaveAsync(userId, change(current.Values), cancellationToken)).Errors;
    }

    /// <summary>
    /// Stages what feedback learned in the learned layer, apart from what the candidate typed; the caller saves it in
    /// the same unit of work as the change's record, so neither exists without the other.
    /// </summary>
    public async Task StageLearnedAsync(string userId, LearnedAdjustment adjustment, CancellationToken cancellationToken)
    {
        var row = await TrackedAsync(userId, cancellationToken);
        var learned = JsonSerializer.Deserialize<List<LearnedAdjustment>>(row.LearnedJson, Json) ?? [];
        learned.Add(adjustment);
        row.LearnedJson = JsonSerializer.Serialize(learned, Json);
    }

    /// <summary>Stages the removal of one learned change from the layer (undo); the typed values are not touched.</summary>
    public async Task StageUnlearnAsync(string userId, Guid updateId, CancellationToken cancellationToken)
    {
        var row = await TrackedAsync(userId, cancellationToken);
        var learned = JsonSerializer.Deserialize<List<LearnedAdjustment>>(row.LearnedJson, Json) ?? [];
        learned.RemoveAll(a => a.UpdateId == updateId);
        row.LearnedJson = JsonSerializer.Serialize(learned, Json);
    }

    private async Task<JobPreferences> TrackedAsync(string userId, CancellationToken cancellationToken)
    {
        var row = db.Set<JobPreferences>().Local.FirstOrDefault(p => p.UserId == userId)
            ?? await db.Set<JobPreferences>().FirstOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        if (row is null) db.Set<JobPreferences>().Add(row = new JobPreferences { UserId = userId, UpdatedAt = clock.GetUtcNow().UtcDateTime });
        return row;
    }

    private static PreferencesView View(JobPreferences row) => new(
        JsonSerializer.Deserialize<PreferenceValues>(row.ValuesJson, Json) ?? new PreferenceValues(),
        JsonSerializer.Deserialize<List<LearnedAdjustment>>(row.LearnedJson, Json) ?? [],
        row.UpdatedAt);
}
