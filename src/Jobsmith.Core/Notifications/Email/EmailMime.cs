using MimeKit;
using MimeKit.Text;
using MimeKit.Utils;

namespace Jobsmith.Core.Notifications.Email;

/// <summary>
/// Turns an <see cref="EmailMessage"/> into the MIME message both transports send, so the outbox file and the SMTP
/// transaction carry the same bytes. Header injection is impossible by construction: addresses are parsed as single
/// mailboxes (a value smuggling a second header or recipient does not parse and is refused), and line breaks in a
/// subject or display name are replaced before MimeKit encodes and folds the header.
/// </summary>
public static class EmailMime
{
    /// <summary>Files are written and proofs kept with CRLF line endings whatever the platform (RFC 5322).</summary>
    public static readonly FormatOptions Format = CreateFormat();

    public static MimeMessage Build(EmailMessage message, string from, DateTimeOffset date)
    {
        var sender = Mailbox(from, "From");
        if (message.FromName is { } name) sender = new MailboxAddress(OneLine(name), sender.Address);

        var mime = new MimeMessage { Date = date, Subject = OneLine(message.Subject) };
        mime.From.Add(sender);
        mime.To.Add(Mailbox(message.To, "To"));
        if (!string.IsNullOrWhiteSpace(message.ReplyTo)) mime.ReplyTo.Add(Mailbox(message.ReplyTo, "Reply-To"));
        mime.MessageId = string.IsNullOrWhiteSpace(message.MessageId)
            ? MimeUtils.GenerateMessageId(sender.Domain)
            : MessageIdOf(message.MessageId);

        var text = Content(message);
        if (message.Attachments.Count == 0)
        {
            mime.Body = text;
        }
        else
        {
            var mixed = new Multipart("mixed") { text };
            foreach (var file in message.Attachments)
            {
                var part = new MimePart(ContentType.Parse(file.ContentType))
                {
                    Content = new MimeContent(new MemoryStream(file.Content, writable: false)),
                    ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
                    ContentTransferEncoding = ContentEncoding.Base64,
                    FileName = OneLine(Path.GetFileName(file.FileName)),
                };
                mixed.Add(part);
            }
            mime.Body = mixed;
        }
        // 7bit or 8bit where the text allows, quoted-printable for long lines: what a mail server accepts unchanged.
        mime.Prepare(EncodingConstraint.EightBit);
        return mime;
    }

    // Plain text alone, or text and HTML as alternatives with the HTML's images beside it (multipart/related).
    private static MimeEntity Content(EmailMessage message)
    {
        var text = new TextPart(TextFormat.Plain) { Text = message.TextBody.ReplaceLineEndings("\r\n") };
        if (message.HtmlBody is not { } html) return text;
        MimeEntity htmlPart = new TextPart(TextFormat.Html) { Text = html.ReplaceLineEndings("\r\n") };
        if (message.InlineImages.Count > 0)
        {
            var related = new MultipartRelated { htmlPart };
            foreach (var image in message.InlineImages)
                related.Add(new MimePart(ContentType.Parse(image.ContentType))
                {
                    Content = new MimeContent(new MemoryStream(image.Content, writable: false)),
                    ContentDisposition = new ContentDisposition(ContentDisposition.Inline),
                    ContentTransferEncoding = ContentEncoding.Base64,
                    ContentId = image.ContentId,
                    FileName = OneLine(Path.GetFileName(image.FileName)),
                });
            htmlPart = related;
        }
        return new MultipartAlternative { text, htmlPart };
    }

    /// <summary>The message exactly as written to the outbox or kept as proof.</summary>
    public static byte[] ToBytes(MimeMessage message)
    {
        using var buffer = new MemoryStream();
        message.WriteTo(Format, buffer);
        return buffer.ToArray();
    }

    /// <summary>True when <paramref name="value"/> is one plain mailbox (no header tricks, no second address).</summary>
    public static bool IsMailbox(string? value) =>
        !string.IsNullOrWhiteSpace(value) && value.IndexOfAny(['\r', '\n']) < 0
        && MailboxAddress.TryParse(value, out var mailbox) && mailbox.Address.Contains('@', StringComparison.Ordinal);

    private static MailboxAddress Mailbox(string value, string header) =>
        IsMailbox(value) ? MailboxAddress.Parse(value) : throw new ArgumentException($"The {header} address is not a single valid mailbox.", nameof(value));

    // A Message-ID is an atom@domain of safe characters only; anything else is refused rather than encoded.
    private static string MessageIdOf(string value)
    {
        var id = value.Trim().TrimStart('<').TrimEnd('>');
        var at = id.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at == id.Length - 1 || !id.All(c => char.IsAsciiLetterOrDigit(c) || "@.-_+=".Contains(c)) || id.Count(c => c == '@') != 1)
            throw new ArgumentException("A Message-ID must look like local@domain with letters, digits and . - _ + = only.", nameof(value));
        return id;
    }

    private static string OneLine(string value) => value.Replace('\r', ' ').Replace('\n', ' ');

    private static FormatOptions CreateFormat()
    {
        var format = FormatOptions.Default.Clone();
        format.NewLineFormat = NewLineFormat.Dos;
        return format;
    }
}
