using System.Security.Cryptography;
using Jobsmith.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jobsmith.Core.Inbox;

/// <summary>
/// Each candidate's inbound address, reply+{token}@{domain} (G2): forwarded replies and provider webhooks are routed
/// to the candidate by the token, which is random and unguessable, so nobody can file mail into another's inbox.
/// </summary>
public sealed class InboundAddresses(AppDbContext db, IOptions<InboxOptions> options, TimeProvider clock)
{
    public async Task<string> AddressAsync(string userId, CancellationToken cancellationToken) =>
        $"reply+{(await SettingsAsync(userId, cancellationToken)).InboundToken}@{options.Value.InboundDomain}";

    /// <summary>The candidate's settings row, made with a fresh token the first time.</summary>
    public async Task<InboxSettings> SettingsAsync(string userId, CancellationToken cancellationToken)
    {
        var row = await db.Set<InboxSettings>().FirstOrDefaultAsync(s => s.UserId == userId, cancellationToken);
        if (row is not null) return row;
        row = new InboxSettings { UserId = userId, InboundToken = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), UpdatedAt = clock.GetUtcNow().UtcDateTime };
        db.Add(row);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            db.ChangeTracker.Clear();
            row = await db.Set<InboxSettings>().FirstAsync(s => s.UserId == userId, cancellationToken);
        }
        return row;
    }

    /// <summary>The candidate a recipient address belongs to: the token after "+" (or the whole local part); null when none.</summary>
    public async Task<string?> OwnerAsync(IEnumerable<string> recipients, CancellationToken cancellationToken)
    {
        var tokens = recipients.Select(Token).OfType<string>().Distinct(StringComparer.Ordinal).Take(20).ToList();
        if (tokens.Count == 0) return null;
        return await db.Set<InboxSettings>().AsNoTracking().Where(s => tokens.Contains(s.InboundToken)).Select(s => s.UserId).FirstOrDefaultAsync(cancellationToken);
    }

    private static string? Token(string address)
    {
        var at = address.LastIndexOf('@');
        var local = (at < 0 ? address : address[..at]).Trim().Trim('<', '"').ToLowerInvariant();
        var plus = local.IndexOf('+', StringComparison.Ordinal);
        var token = plus < 0 ? local : local[(plus + 1)..];
        return token.Length == 32 && token.All(char.IsAsciiHexDigitLower) ? token : null;
    }
}
