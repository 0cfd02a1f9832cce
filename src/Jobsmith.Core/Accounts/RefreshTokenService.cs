using System.Security.Cryptography;
using System.Text;
using Jobsmith.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Jobsmith.Core.Accounts;

/// <summary>
/// Rotating refresh tokens: each use revokes the presented token and issues a new one. Presenting an
/// already-revoked token means it was stolen or replayed, so every token of that user is revoked.
/// </summary>
public sealed class RefreshTokenService(AppDbContext db, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(14);

    public async Task<string> IssueAsync(string userId, CancellationToken cancellationToken)
    {
        var raw = NewRawToken();
        db.Set<RefreshToken>().Add(NewRow(userId, Hash(raw)));
        await db.SaveChangesAsync(cancellationToken);
        return raw;
    }

    /// <summary>Returns the user id and the new raw token, or null when the token is unknown, expired or revoked.</summary>
    public async Task<(string UserId, string Token)?> RotateAsync(string rawToken, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var row = await FindAsync(rawToken, cancellationToken);
        if (row is null || row.ExpiresAt <= now) return null;
        if (row.RevokedAt is not null)
        {
            await RevokeAllAsync(row.UserId, cancellationToken);
            return null;
        }

        var raw = NewRawToken();
        var next = NewRow(row.UserId, Hash(raw));
        row.RevokedAt = now;
        row.ReplacedByHash = next.TokenHash;
        db.Set<RefreshToken>().Add(next);
        await db.SaveChangesAsync(cancellationToken);
        return (row.UserId, raw);
    }

    public async Task<bool> RevokeAsync(string rawToken, CancellationToken cancellationToken)
    {
        var row = await FindAsync(rawToken, cancellationToken);
        if (row is null || row.RevokedAt is not null) return false;
        row.RevokedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public async Task RevokeAllAsync(string userId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Set<RefreshToken>()
            .Where(t => t.UserId == userId && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), cancellationToken);
    }

    private Task<RefreshToken?> FindAsync(string rawToken, CancellationToken cancellationToken)
    {
        var hash = Hash(rawToken ?? "");
        return db.Set<RefreshToken>().FirstOrDefaultAsync(t => t.TokenHash == hash, cancellationToken);
    }

    private RefreshToken NewRow(string userId, string hash)
    {
        var now = clock.GetUtcNow();
        return new RefreshToken
        {
            Id = Guid.CreateVersion7(now),
            UserId = userId,
            TokenHash = hash,
            CreatedAt = now.UtcDateTime,
            ExpiresAt = (now + Lifetime).UtcDateTime,
        };
    }

    private static string NewRawToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string Hash(string raw) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(raw)));
}
