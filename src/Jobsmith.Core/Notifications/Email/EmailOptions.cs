using MailKit.Security;

namespace Jobsmith.Core.Notifications.Email;

/// <summary>Section "Email". With no SMTP host, mail is written to the outbox folder under the data directory.</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    public string From { get; set; } = "Jobsmith <noreply@jobsmith.local>";

    public string? SmtpHost { get; set; }

    public int SmtpPort { get; set; } = 25;

    /// <summary>Implicit TLS on port 465, STARTTLS otherwise; see <see cref="SmtpSecurity"/> for full control.</summary>
    public bool SmtpEnableSsl { get; set; }

    /// <summary>
    /// <c>None</c>, <c>Auto</c>, <c>SslOnConnect</c>, <c>StartTls</c> or <c>StartTlsWhenAvailable</c>. Unset, it follows
    /// <see cref="SmtpEnableSsl"/>, and without that uses STARTTLS whenever the server offers it.
    /// </summary>
    public SecureSocketOptions? SmtpSecurity { get; set; }

    /// <summary>How long one SMTP command may wait for the server.</summary>
    public double SmtpTimeoutSeconds { get; set; } = 60;

    public string? SmtpUser { get; set; }

    public string? SmtpPassword { get; set; }

    /// <summary>Relative to the data directory.</summary>
    public string OutboxFolder { get; set; } = "outbox";

    internal SecureSocketOptions Security => SmtpSecurity
        ?? (SmtpEnableSsl ? (SmtpPort == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls) : SecureSocketOptions.StartTlsWhenAvailable);
}
