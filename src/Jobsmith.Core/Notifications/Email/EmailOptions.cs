namespace Jobsmith.Core.Notifications.Email;

/// <summary>Section "Email". With no SMTP host, mail is written to the outbox folder under the data directory.</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    public string From { get; set; } = "Jobsmith <noreply@jobsmith.local>";

    public string? SmtpHost { get; set; }

    public int SmtpPort { get; set; } = 25;

    public bool SmtpEnableSsl { get; set; }

    public string? SmtpUser { get; set; }

    public string? SmtpPassword { get; set; }

    /// <summary>Relative to the data directory.</summary>
    public string OutboxFolder { get; set; } = "outbox";
}
