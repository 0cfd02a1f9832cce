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

    /// <summary>Records what feedback learned, apart from what the candidate typed (D5 fills this).</summary>
    public async Task AddLearnedAsync(string userId, LearnedAdjustment adjustment, CancellationToken cancellationToken)
    {
        var row = await db.Set<JobPreferences>().FirstOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        if (row is null) db.Set<JobPreferences>().Add(row = new JobPreferences { UserId = userId, UpdatedAt = clock.GetUtcNow().UtcDateTime });
        var learned = JsonSerializer.Deserialize<List<LearnedAdjustment>>(row.LearnedJson, Json) ?? [];
        learned.Add(adjustment);
        row.LearnedJson = JsonSerializer.Serialize(learned, Json);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static PreferencesView View(JobPreferences row) => new(
        JsonSerializer.Deserialize<PreferenceValues>(row.ValuesJson, Json) ?? new PreferenceValues(),
        JsonSerializer.Deserialize<List<LearnedAdjustment>>(row.LearnedJson, Json) ?? [],
        row.UpdatedAt);
}
