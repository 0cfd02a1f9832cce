namespace Jobsmith.Core.Notifications.Email;

/// <summary>
/// One email to send. The three positional fields are all a notification needs; an application email (F3) also sets
/// a display name, a Reply-To, attachments and a Message-ID of its own, so a repeat of the same send is recognisable.
/// </summary>
public sealed record EmailMessage(string To, string Subject, string TextBody)
{
    /// <summary>Replaces the display name of the configured From address (the address itself never changes).</summary>
    public string? FromName { get; init; }

    /// <summary>Where replies go (the candidate, for an application email).</summary>
    public string? ReplyTo { get; init; }

    /// <summary>The Message-ID without angle brackets (<c>local@domain</c>); empty lets the transport choose one.</summary>
    public string? MessageId { get; init; }

    public IReadOnlyList<EmailAttachment> Attachments { get; init; } = [];

    /// <summary>An HTML alternative to <see cref="TextBody"/> (a report); the text stays for clients that show no HTML.</summary>
    public string? HtmlBody { get; init; }

    /// <summary>Images the HTML shows through <c>cid:</c> links, sent with it (multipart/related).</summary>
    public IReadOnlyList<EmailInlineImage> InlineImages { get; init; } = [];
}

public sealed record EmailAttachment(string FileName, string ContentType, byte[] Content);

/// <summary>An image the HTML body refers to as <c>cid:ContentId</c>.</summary>
public sealed record EmailInlineImage(string ContentId, string FileName, string ContentType, byte[] Content);

/// <summary>The seam between "send this email" and how: the outbox folder by default, SMTP when configured.</summary>
public interface IEmailTransport
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken);
}
