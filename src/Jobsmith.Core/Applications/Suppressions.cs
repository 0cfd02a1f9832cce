using Jobsmith.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Jobsmith.Core.Applications;

/// <summary>The candidate's do-not-contact list (F6): add, list and remove companies, domains and addresses.</summary>
public sealed class Suppressions(AppDbContext db, TimeProvider clock)
{
    public const int MaxEntries = 1000;

    /// <summary>Adds an entry (adding one twice is a no-op); throws <see cref="ArgumentException"/> with a reason for bad input.</summary>
    public async Task<SuppressionEntry> AddAsync(string userId, string kind, string value, CancellationToken cancellationToken)
    {
        if (!SuppressionKinds.All.Contains(kind)) throw new ArgumentException($"Kind must be one of: {string.Join(", ", SuppressionKinds.All)}.", nameof(kind));
        var normalized = Normalize(kind, value);
        if (normalized.Length is 0 or > 320) throw new ArgumentException("Give a value of 1 to 320 characters.", nameof(value));
        if (kind == SuppressionKinds.Email && !normalized.Contains('@', StringComparison.Ordinal)) throw new ArgumentException("An address needs an @.", nameof(value));
        return await UniqueViolation.RetryAsync(db, async _ =>
        {
            var existing = await db.Set<SuppressionEntry>().AsNoTracking()
                .FirstOrDefaultAsync(s => s.UserId == userId && s.Kind == kind && s.Value == normalized, cancellationToken);
            if (existing is not null) return existing;
            if (await db.Set<SuppressionEntry>().CountAsync(s => s.UserId == userId, cancellationToken) >= MaxEntries)
                throw new ArgumentException($"The list holds at most {MaxEntries} entries.", nameof(value));
            var entry = new SuppressionEntry { Id = Guid.CreateVersion7(clock.GetUtcNow()), UserId = userId, Kind = kind, Value = normalized, CreatedAt = clock.GetUtcNow().UtcDateTime };
            db.Add(entry);
            await db.SaveChangesAsync(cancellationToken);
            return entry;
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<SuppressionEntry>> ListAsync(string userId, CancellationToken cancellationToken) =>
        await db.Set<SuppressionEntry>().AsNoTracking().Where(s => s.UserId == userId).OrderBy(s => s.Kind).ThenBy(s => s.Value).ToListAsync(cancellationToken);

    public async Task<bool> RemoveAsync(string userId, Guid id, CancellationToken cancellationToken) =>
        await db.Set<SuppressionEntry>().Where(s => s.UserId == userId && s.Id == id).ExecuteDeleteAsync(cancellationToken) > 0;

    public static string Normalize(string kind, string value)
    {
        var text = (value ?? "").Trim().ToLowerInvariant();
        if (kind != SuppressionKinds.Domain) return text;
        // A pasted URL or address counts by its host: "https://www.acme.com/jobs" and "jobs@acme.com" mean acme.com.
        if (text.Contains('@', StringComparison.Ordinal)) text = text[(text.LastIndexOf('@') + 1)..];
        return (HostOf(text.Contains("://", StringComparison.Ordinal) ? text : "https://" + text) ?? text).TrimEnd('.');
    }

    internal static string? HostOf(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Host.Length > 0
            ? (uri.Host.StartsWith("www.", StringComparison.Ordinal) ? uri.Host[4..] : uri.Host).ToLowerInvariant()
            : null;
}
