namespace Jobsmith.Core.Notifications.Sms;

/// <summary>
/// Section "Sms". With Twilio's account, token and sender number set, texts go through Twilio; without them they are
/// written to the SMS outbox folder under the data directory, as email goes to its outbox when there is no SMTP server.
/// </summary>
public sealed class SmsOptions
{
    public const string Section = "Sms";

    public string? TwilioAccountSid { get; set; }

    /// <summary>A secret: read from configuration or the environment, never logged.</summary>
    public string? TwilioAuthToken { get; set; }

    /// <summary>The sending number (E.164) or messaging service number bought at Twilio.</summary>
    public string? TwilioFrom { get; set; }

    /// <summary>
    /// Where Twilio's REST API is; only changed for a proxy in front of it or a local stand-in in tests. The SDK's own
    /// host is replaced by this one on every request.
    /// </summary>
    public Uri? TwilioApiBaseUrl { get; set; }

    /// <summary>Relative to the data directory.</summary>
    public string OutboxFolder { get; set; } = "outbox/sms";

    /// <summary>A text longer than this is cut (with an ellipsis): a notification is a pointer to the app, not a letter.</summary>
    public int MaxLength { get; set; } = 320;

    public bool UsesTwilio => !string.IsNullOrWhiteSpace(TwilioAccountSid) && !string.IsNullOrWhiteSpace(TwilioAuthToken) && !string.IsNullOrWhiteSpace(TwilioFrom);
}
