using Jobsmith.Core.Data;
using Jobsmith.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Jobsmith.Core.Accounts;

/// <summary>What a user sees of their account settings: the phone SMS notifications go to, and their time zone.</summary>
public sealed record AccountSettingsView(string Email, string? Phone, string TimeZone);

/// <summary>A change of account settings; a value left null keeps what is stored, an empty phone removes it.</summary>
public sealed record AccountSettingsChange(string? Phone, string? TimeZone);

public sealed record AccountSettingsResult(AccountSettingsView? Settings, IReadOnlyDictionary<string, string> Errors);

/// <summary>
/// A user's phone number (SMS notifications, G3) and time zone (weekly report on Monday 09:00 and reminders in it,
/// G4, G5). Both are checked before anything is stored: a phone in E.164, a time zone by its IANA id.
/// </summary>
public sealed class AccountSettings(AppDbContext db, AuditLog audit)
{
    public async Task<AccountSettingsView?> GetAsync(string userId, CancellationToken cancellationToken) =>
        await db.Set<JobsmithUser>().AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new AccountSettingsView(u.Email ?? "", u.PhoneNumber, u.TimeZone)).FirstOrDefaultAsync(cancellationToken);

    public async Task<AccountSettingsResult> UpdateAsync(string userId, AccountSettingsChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        string? phone = null;
        if (change.Phone is { Length: > 0 } typed && (phone = PhoneNumbers.Normalize(typed)) is null)
            errors["phone"] = "Enter the number with its country code, e.g. +49 151 2345 6789.";
        TimeZoneInfo? zone = null;
        if (change.TimeZone is not null && (zone = TimeZones.Find(change.TimeZone)) is not { HasIanaId: true })
            errors["timeZone"] = "Choose a time zone from the list, e.g. Europe/Berlin.";
        if (errors.Count > 0) return new(null, errors);

        var user = await db.Set<JobsmithUser>().FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null) return new(null, new Dictionary<string, string> { ["user"] = "The account no longer exists." });
        if (change.Phone is not null && user.PhoneNumber != phone)
        {
            user.PhoneNumber = phone;
            user.PhoneNumberConfirmed = false;
            audit.Record(phone is null ? "account.phone_removed" : "account.phone_changed", userId, phone is null ? null : PhoneNumbers.Masked(phone));
        }
        if (zone is not null) user.TimeZone = zone.Id;
        await db.SaveChangesAsync(cancellationToken);
        return new(new AccountSettingsView(user.Email ?? "", user.PhoneNumber, user.TimeZone), new Dictionary<string, string>());
    }
}
