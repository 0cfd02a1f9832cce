using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Jobsmith.Core.Plans.Payments;

/// <summary>
/// Stripe's webhook signature scheme, used by the local stand-in for its own webhooks: the header
/// <c>t=UNIX,v1=HEX</c> where HEX is HMAC-SHA256 of <c>"UNIX.payload"</c> keyed with the endpoint secret. The
/// timestamp is signed too, so an old delivery cannot be replayed with a fresh time.
/// </summary>
public static class WebhookSignature
{
    public const string Header = "Stripe-Signature";

    public static string Sign(string payload, string secret, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(payload);
        ArgumentException.ThrowIfNullOrEmpty(secret);
        var t = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return $"t={t},v1={Compute(t, payload, secret)}";
    }

    /// <exception cref="WebhookRejectedException">No usable header, no matching v1 signature, or a timestamp outside the tolerance.</exception>
    public static void Verify(string payload, string? header, string secret, DateTimeOffset now, TimeSpan tolerance)
    {
        ArgumentNullException.ThrowIfNull(payload);
        ArgumentException.ThrowIfNullOrEmpty(secret);
        if (string.IsNullOrWhiteSpace(header)) throw new WebhookRejectedException("The webhook has no signature.");
        string? timestamp = null;
        var signatures = new List<string>();
        foreach (var part in header.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0) continue;
            var (key, value) = (part[..eq], part[(eq + 1)..]);
            if (key == "t") timestamp = value;
            else if (key == "v1") signatures.Add(value);
        }
        if (timestamp is null || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || signatures.Count == 0)
            throw new WebhookRejectedException("The webhook signature header is malformed.");

        var expected = Encoding.ASCII.GetBytes(Compute(timestamp, payload, secret));
        if (!signatures.Any(s => CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(s))))
            throw new WebhookRejectedException("The webhook signature does not match.");
        if (Math.Abs(now.ToUnixTimeSeconds() - seconds) > tolerance.TotalSeconds)
            throw new WebhookRejectedException("The webhook timestamp is outside the tolerance window.");
    }

    private static string Compute(string timestamp, string payload, string secret) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{payload}")));
}
