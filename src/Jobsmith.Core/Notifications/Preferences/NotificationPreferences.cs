using System.Text.Json;
using Jobsmith.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Jobsmith.Core.Notifications.Preferences;

/// <summary>A candidate's delivery choices as the API and pages see them.</summary>
public sealed record NotificationPreferencesView(bool EmailEnabled, bool SmsEnabled, bool PushEnabled, IReadOnlyDictionary<string, ChannelChoice> Types);

/// <summary>Reads and changes a candidate's notification preferences (G3), and answers "may this type go out by email, SMS or push".</summary>
public sealed class NotificationPreferences(AppDbContext db, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<NotificationPreferencesView> GetAsync(string userId, CancellationToken cancellationToken)
    {
        var row = await db.Set<NotificationPreference>().AsNoTracking().FirstOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        return View(row);
    }

    /// <summary>
    /// Replaces the switches given; a type missing from <paramref name="types"/> keeps its current choice. Unknown types
    /// are refused by the caller's validation (<see cref="NotificationTypes.All"/>).
    /// </summary>
    public async Task<NotificationPreferencesView> UpdateAsync(string userId, bool? email, bool? sms, bool? push,
        IReadOnlyDictionary<string, ChannelChoice>? types, CancellationToken cancellationToken)
    {
        var row = await db.Set<NotificationPreference>().FirstOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        if (row is null)
        {
            row = new NotificationPreference { UserId = userId };
            db.Add(row);
        }
        row.EmailEnabled = email ?? row.EmailEnabled;
        row.SmsEnabled = sms ?? row.SmsEnabled;
        row.PushEnabled = push ?? row.PushEnabled;
        var merged = new Dictionary<string, ChannelChoice>(View(row).Types, StringComparer.Ordinal);
        foreach (var (type, choice) in types ?? new Dictionary<string, ChannelChoice>())
            if (NotificationTypes.Defaults.ContainsKey(type)) merged[type] = choice;
        row.TypesJson = JsonSerializer.Serialize(merged, Json);
        row.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            // Two first saves at once: the other one's row stands; apply this change on top of it.
            db.ChangeTracker.Clear();
            return await UpdateAsync(userId, email, sms, push, types, cancellationToken);
        }
        return View(row);
    }

    public async Task<bool> WantsEmailAsync(string userId, string type, CancellationToken cancellationToken)
    {
        var view = await GetAsync(userId, cancellationToken);
        return view.EmailEnabled && (view.Types.TryGetValue(type, out var choice) ? choice.Email : false);
    }

    public async Task<bool> WantsSmsAsync(string userId, string type, CancellationToken cancellationToken)
    {
        var view = await GetAsync(userId, cancellationToken);
        return view.SmsEnabled && (view.Types.TryGetValue(type, out var choice) ? choice.Sms : false);
    }

    /// <summary>True when the candidate has push on and this type may use it (G3).</summary>
    public async Task<bool> WantsPushAsync(string userId, string type, CancellationToken cancellationToken)
    {
        var view = await GetAsync(userId, cancellationToken);
        return view.PushEnabled && view.Types.TryGetValue(type, out var choice) && choice.Push;
    }

    private static NotificationPreferencesView View(NotificationPreference? row)
    {
        var types = new Dictionary<string, ChannelChoice>(NotificationTypes.Defaults, StringComparer.Ordinal);
        if (row is not null && JsonSerializer.Deserialize<Dictionary<string, ChannelChoice>>(row.TypesJson, Json) is { } stored)
            foreach (var (type, choice) in stored)
                if (types.ContainsKey(type) && choice is not null) types[type] = choice;
        return row is null
            ? new NotificationPreferencesView(true, false, true, types)
            : new NotificationPreferencesView(row.EmailEnabled, row.SmsEnabled, row.PushEnabled, types);
    }
}
