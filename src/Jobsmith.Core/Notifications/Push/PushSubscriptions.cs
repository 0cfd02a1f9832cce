using System.Buffers.Text;
using System.Security.Cryptography;
using Jobsmith.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jobsmith.Core.Notifications.Push;

/// <summary>The keys of a browser's PushSubscription JSON.</summary>
public sealed record PushSubscriptionKeys(string? P256dh, string? Auth);

/// <summary>A browser's PushSubscription as <c>subscription.toJSON()</c> gives it (expirationTime is ignored).</summary>
public sealed record PushSubscribeRequest(string? Endpoint, PushSubscriptionKeys? Keys);

/// <summary>What a user sees of one of their browsers: no keys.</summary>
public sealed record PushSubscriptionView(Guid Id, string Endpoint, string? UserAgent, DateTime CreatedAt, DateTime? LastSuccessAt, DateTime? LastFailureAt, string? LastFailure);

/// <summary>Subscribing, unsubscribing and listing a user's browsers for Web Push (G3).</summary>
public sealed class PushSubscriptions(AppDbContext db, PushEndpointPolicy policy, IOptions<PushOptions> options, TimeProvider clock)
{
    /// <summary>Field → problem for a request that cannot be stored; empty when it can.</summary>
    public async Task<Dictionary<string, string[]>> ProblemsAsync(PushSubscribeRequest? request, CancellationToken cancellationToken)
    {
        var problems = new Dictionary<string, string[]>();
        if (await policy.ProblemAsync(request?.Endpoint, cancellationToken) is { } endpoint) problems["endpoint"] = [endpoint];
        if (!IsPublicKey(request?.Keys?.P256dh)) problems["keys.p256dh"] = ["keys.p256dh must be the browser's P-256 public key (65 bytes, base64url)."];
        if (!IsAuthSecret(request?.Keys?.Auth)) problems["keys.auth"] = ["keys.auth must be the browser's 16-byte authentication secret (base64url)."];
        return problems;
    }

    /// <summary>
    /// Stores the browser for the user, or updates it when the endpoint is known: it moves to this user if another
    /// one had it (the browser changed hands). Validate with <see cref="ProblemsAsync"/> first.
    /// </summary>
    public async Task<PushSubscriptionView> SubscribeAsync(string userId, PushSubscribeRequest request, string? userAgent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var endpoint = PushEndpointPolicy.Normalize(request.Endpoint) ?? throw new ArgumentException("endpoint is not a URL.", nameof(request));
        var agent = string.IsNullOrWhiteSpace(userAgent) ? null : userAgent.Trim()[..Math.Min(userAgent.Trim().Length, 300)];
        // Two saves of one endpoint at once (two tabs): the loser re-reads the winner's row and updates it.
        var row = await UniqueViolation.RetryAsync(db, async _ =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var existing = await db.Set<WebPushSubscription>().FirstOrDefaultAsync(s => s.Endpoint == endpoint, cancellationToken);
            if (existing is null)
            {
                existing = new WebPushSubscription { Id = Guid.CreateVersion7(clock.GetUtcNow()), Endpoint = endpoint, CreatedAt = now };
                db.Add(existing);
            }
            else if (existing.UserId != userId)
            {
                // Another account's browser now: its history is not this user's.
                existing.CreatedAt = now;
                existing.LastSuccessAt = null;
                existing.LastFailureAt = null;
                existing.LastFailure = null;
            }
            existing.UserId = userId;
            existing.P256dh = Canonical(request.Keys?.P256dh);
            existing.Auth = Canonical(request.Keys?.Auth);
            existing.UserAgent = agent;
            await db.SaveChangesAsync(cancellationToken);
            return existing;
        }, cancellationToken);
        await ForgetOldestAsync(userId, cancellationToken);
        return View(row);
    }

    /// <summary>Removes one of the user's browsers; false when the endpoint is not theirs.</summary>
    public async Task<bool> UnsubscribeAsync(string userId, string? endpoint, CancellationToken cancellationToken)
    {
        var normalized = PushEndpointPolicy.Normalize(endpoint);
        if (normalized is null) return false;
        return await db.Set<WebPushSubscription>().Where(s => s.UserId == userId && s.Endpoint == normalized).ExecuteDeleteAsync(cancellationToken) > 0;
    }

    public async Task<IReadOnlyList<PushSubscriptionView>> ListAsync(string userId, CancellationToken cancellationToken) =>
        (await db.Set<WebPushSubscription>().AsNoTracking().Where(s => s.UserId == userId).OrderByDescending(s => s.CreatedAt).ToListAsync(cancellationToken))
            .Select(View).ToList();

    // Every notification goes to every browser, so the list is capped; the browser subscribed longest ago goes first.
    private async Task ForgetOldestAsync(string userId, CancellationToken cancellationToken)
    {
        var max = options.Value.MaxSubscriptionsPerUser;
        var surplus = await db.Set<WebPushSubscription>().Where(s => s.UserId == userId)
            .OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id).Skip(max).Select(s => s.Id).ToListAsync(cancellationToken);
        if (surplus.Count > 0)
            await db.Set<WebPushSubscription>().Where(s => surplus.Contains(s.Id)).ExecuteDeleteAsync(cancellationToken);
    }

    private static PushSubscriptionView View(WebPushSubscription s) =>
        new(s.Id, s.Endpoint, s.UserAgent, s.CreatedAt, s.LastSuccessAt, s.LastFailureAt, s.LastFailure);

    private static bool IsPublicKey(string? value)
    {
        if (Decode(value) is not { Length: 65 } point || point[0] != 0x04) return false;
        try
        {
            // Importing checks the point is on the curve: a key that is not would only fail later, at every send.
            using var key = ECDiffieHellman.Create(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, Q = new ECPoint { X = point[1..33], Y = point[33..] } });
            return true;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    private static bool IsAuthSecret(string? value) => Decode(value) is { Length: 16 };

    private static string Canonical(string? value) =>
        Base64Url.EncodeToString(Decode(value) ?? throw new ArgumentException("A key is not base64url; validate first.", nameof(value)));

    // Browsers send base64url without padding; padded or standard base64 is accepted too.
    private static byte[]? Decode(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > 200) return null;
        var url = value.Trim().TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return Base64Url.IsValid(url) ? Base64Url.DecodeFromChars(url) : null;
    }
}
