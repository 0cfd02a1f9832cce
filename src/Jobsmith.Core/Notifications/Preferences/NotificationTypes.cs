namespace Jobsmith.Core.Notifications.Preferences;

/// <summary>
/// The notification types candidates can choose channels for (seed 000's list, plus reminders), and where each goes by
/// default: interview and offer news at once by email and SMS (G3); reminders and the weekly report by email; the rest
/// in the app only.
/// </summary>
public static class NotificationTypes
{
    public const string Interview = "interview";
    public const string InterviewReminder = "interview_reminder";
    public const string Offer = "offer";
    public const string ApplicationUpdate = "application_update";
    public const string WeeklyReport = "weekly_report";
    public const string FeedbackRequest = "feedback_request";
    public const string SubscriptionExpiring = "subscription_expiring";

    public static readonly IReadOnlyDictionary<string, ChannelChoice> Defaults = new Dictionary<string, ChannelChoice>(StringComparer.Ordinal)
    {
        [Interview] = new(Email: true, Sms: true, Push: true),
        [InterviewReminder] = new(Email: true, Sms: false, Push: true),
        [Offer] = new(Email: true, Sms: true, Push: true),
        [ApplicationUpdate] = new(Email: false, Sms: false, Push: true),
        [WeeklyReport] = new(Email: true, Sms: false, Push: false),
        [FeedbackRequest] = new(Email: false, Sms: false, Push: false),
        [SubscriptionExpiring] = new(Email: true, Sms: false, Push: false),
    };

    public static IReadOnlyCollection<string> All { get; } = [.. Defaults.Keys];

    /// <summary>Labels for the settings page and the API.</summary>
    public static string Label(string type) => type switch
    {
        Interview => "Interview scheduled",
        InterviewReminder => "Interview reminders",
        Offer => "Offer received",
        ApplicationUpdate => "Application updates",
        WeeklyReport => "Weekly report",
        FeedbackRequest => "Feedback requests",
        SubscriptionExpiring => "Plan expiring",
        _ => type,
    };
}

/// <summary>The channels one notification type may use, beside the in-app list.</summary>
public sealed record ChannelChoice(bool Email, bool Sms, bool Push);
