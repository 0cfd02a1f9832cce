using System.ComponentModel.DataAnnotations;

namespace Jobsmith.Core.Notifications.Push;

/// <summary>Section "Push": Web Push notifications to candidates' browsers (G3).</summary>
public sealed class PushOptions
{
    public const string Section = "Push";

    /// <summary>
    /// The contact push services see in every VAPID token (RFC 8292), so an operator of a misbehaving install can be
    /// reached: a <c>mailto:</c> or <c>https:</c> URL.
    /// </summary>
    public string Subject { get; set; } = "mailto:admin@jobsmith.local";

    /// <summary>How long a push service keeps a message for a browser that is offline (seconds).</summary>
    [Range(0, 2_419_200)]
    public int TimeToLiveSeconds { get; set; } = 86_400;

    /// <summary>How long one notification may spend on all of a user's browsers, so a slow push service cannot stall the caller.</summary>
    [Range(1, 120)]
    public double TimeoutSeconds { get; set; } = 10;

    /// <summary>Browsers per user; subscribing one more forgets the one subscribed longest ago.</summary>
    [Range(1, 100)]
    public int MaxSubscriptionsPerUser { get; set; } = 20;

    /// <summary>
    /// Tests only: lets subscriptions point at http://127.0.0.1 so a local push-service stand-in can be used.
    /// Private and link-local ranges stay refused even then.
    /// </summary>
    public bool AllowLoopbackForTests { get; set; }

    public static bool IsValidSubject(string? subject) =>
        subject is not null
        && ((subject.StartsWith("mailto:", StringComparison.Ordinal) && subject.Length > "mailto:".Length && subject.Contains('@', StringComparison.Ordinal))
            || (Uri.TryCreate(subject, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps));
}
