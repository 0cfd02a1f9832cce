namespace Jobsmith.Core.Inbox;

/// <summary>Inbox settings (section "Inbox"): the inbound address domain and the webhook secrets of each provider.</summary>
public sealed class InboxOptions
{
    public const string Section = "Inbox";

    /// <summary>The domain of candidates' inbound addresses, reply+{token}@domain, as set up at the mail provider.</summary>
    public string InboundDomain { get; set; } = "inbound.jobsmith.local";

    /// <summary>Mailgun's HTTP webhook signing key; without it Mailgun posts are refused (Mailgun always signs).</summary>
    public string? MailgunSigningKey { get; set; }

    /// <summary>SendGrid's signed-webhook public key (base64 DER); when set, unsigned or badly signed posts are refused.</summary>
    public string? SendGridVerificationKey { get; set; }

    /// <summary>Postmark does not sign; it sends the basic-auth credentials put in the webhook URL, checked when set.</summary>
    public string? PostmarkUsername { get; set; }
    public string? PostmarkPassword { get; set; }

    /// <summary>How old a signed timestamp may be before the post counts as a replay.</summary>
    public int SignatureToleranceSeconds { get; set; } = 300;

    /// <summary>
    /// Whether candidates may connect a mailbox on this machine or its private network (a mail bridge on a single-user
    /// install, a test server). Off by default: a mailbox form must not reach the server's own network.
    /// </summary>
    public bool AllowLocalMailServers { get; set; }

    /// <summary>Whether worker processes hold connected mailboxes in IMAP IDLE (where the server offers it) to file replies at once.</summary>
    public bool IdleEnabled { get; set; } = true;

    /// <summary>How often the IDLE watcher re-reads which mailboxes are connected.</summary>
    public int IdleRefreshSeconds { get; set; } = 60;

    /// <summary>How often the IMAP poller looks for new mail.</summary>
    public int PollIntervalSeconds { get; set; } = 300;
}
