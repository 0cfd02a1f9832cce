using System.Text.Json;
using Jobsmith.Core.Notifications.Preferences;

namespace Jobsmith.Core.Notifications.Push;

/// <summary>
/// What a push carries to the service worker: small JSON (push services take about 4 KB after encryption) with the
/// title, a shortened body, and a same-origin path of the page where the news lives.
/// </summary>
public sealed record PushPayload(string Title, string Body, string Url, Guid Id, string Type)
{
    private const int MaxBody = 500;

    public static PushPayload Of(Notification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var body = notification.Body.Length <= MaxBody ? notification.Body : notification.Body[..(MaxBody - 1)] + "…";
        return new PushPayload(notification.Title, body, LinkFor(notification.Type), notification.Id, notification.Type);
    }

    public string ToJson() => JsonSerializer.Serialize(this, JsonSerializerOptions.Web);

    /// <summary>The page a click opens; the dashboard when the type has no page of its own.</summary>
    public static string LinkFor(string type) => type switch
    {
        NotificationTypes.Interview or NotificationTypes.InterviewReminder => "/interviews",
        NotificationTypes.Offer or NotificationTypes.ApplicationUpdate => "/applications",
        NotificationTypes.WeeklyReport => "/reports",
        NotificationTypes.SubscriptionExpiring => "/plan",
        "assignment" => "/agent/queue",
        _ => "/dashboard",
    };
}
