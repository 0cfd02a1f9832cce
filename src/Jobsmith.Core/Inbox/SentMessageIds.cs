using System.Globalization;
using Jobsmith.Core.Applications;

namespace Jobsmith.Core.Inbox;

/// <summary>
/// The Message-IDs Jobsmith gives the applications it emails: the send's idempotency key
/// (<see cref="SendGuard.KeyFor"/>, "jobsmith-{application id}") at the sender's domain. A reply names it in
/// In-Reply-To or References, which ties the reply to its application without guessing.
/// </summary>
public static class SentMessageIds
{
    private const string Prefix = "jobsmith-";

    public static bool TryApplicationId(string messageId, out Guid applicationId)
    {
        applicationId = Guid.Empty;
        var at = messageId.IndexOf('@', StringComparison.Ordinal);
        var local = at < 0 ? messageId : messageId[..at];
        return local.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)
            && local.Length == Prefix.Length + 32
            && Guid.TryParseExact(local[Prefix.Length..], "N", out applicationId)
            && string.Equals(local, SendGuard.KeyFor(applicationId), StringComparison.OrdinalIgnoreCase);
    }

    public static string For(Guid applicationId, string domain) =>
        string.Create(CultureInfo.InvariantCulture, $"{SendGuard.KeyFor(applicationId)}@{domain}");
}
