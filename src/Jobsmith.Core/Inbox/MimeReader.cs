using System.Security.Cryptography;
using Jobsmith.Core.Jobs.Normalization;
using MimeKit;

namespace Jobsmith.Core.Inbox;

/// <summary>
/// Reads a raw RFC 5322 email with MimeKit (G2): multipart/alternative picks the plain text, an HTML-only email is
/// turned into text, charsets and encoded-word subjects are decoded, attachments are listed. A message MimeKit can
/// only read by guessing (a multipart whose boundary never appears) is refused with a reason instead of being
/// imported as an empty email.
/// </summary>
public static class MimeReader
{
    /// <summary>Larger than any reply an employer sends with a contract attached; a limit against memory abuse.</summary>
    public const int MaxBytes = 25 * 1024 * 1024;
    public const int MaxMessageId = 300;
    public const int MaxText = 100_000;

    // .NET ships only the Unicode and Latin-1 encodings by default; employers still send windows-1252, Shift_JIS, GB2312.
    static MimeReader() => System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);

    public static ParsedEmail Parse(byte[] raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        if (raw.Length == 0) throw new InboundEmailException("The email is empty.");
        if (raw.Length > MaxBytes) throw new InboundEmailException($"The email is larger than {MaxBytes / (1024 * 1024)} MB.");
        MimeMessage message;
        try
        {
            using var stream = new MemoryStream(raw, writable: false);
            message = MimeMessage.Load(stream);
        }
        catch (FormatException e)
        {
            throw new InboundEmailException($"This is not a readable email: {e.Message}", e);
        }
        return Read(message, raw);
    }

    /// <summary>An already loaded message (IMAP hands these over); <paramref name="raw"/> only names one that has no Message-ID.</summary>
    public static ParsedEmail Read(MimeMessage message, byte[]? raw = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Headers.Count == 0) throw new InboundEmailException("This is not an email: it has no headers.");
        CheckStructure(message.Body);
        var from = message.From.Mailboxes.FirstOrDefault() ?? message.Sender;
        var (text, fromHtml) = TextOf(message);
        var attachments = message.Attachments.Select(Describe).ToList();
        return new ParsedEmail(
            MessageIdOf(message, raw),
            Clean(message.InReplyTo),
            [.. message.References.Select(Clean).OfType<string>()],
            from?.Address ?? "",
            string.IsNullOrWhiteSpace(from?.Name) ? null : from.Name.Trim(),
            (message.Subject ?? "").Trim(),
            message.Headers.Contains(HeaderId.Date) ? message.Date : null,
            text.Truncate(MaxText),
            fromHtml,
            attachments);
    }

    // MimeKit reads a multipart whose boundary is missing or never used as a multipart with no parts, which would
    // silently lose the whole body; that is an email nobody can act on, so it is refused with the reason.
    private static void CheckStructure(MimeEntity? body)
    {
        if (body is null) return;
        foreach (var multipart in Multiparts(body))
        {
            var type = multipart.ContentType.MimeType;
            if (string.IsNullOrEmpty(multipart.Boundary))
                throw new InboundEmailException($"The email is broken: its {type} part has no boundary, so its parts cannot be told apart.");
            if (multipart.Count == 0)
                throw new InboundEmailException(
                    $"The email is broken: its {type} part declares the boundary \"{multipart.Boundary}\" but no part uses it, so its content cannot be read.");
        }
    }

    private static IEnumerable<Multipart> Multiparts(MimeEntity entity)
    {
        if (entity is not Multipart multipart) yield break;
        yield return multipart;
        foreach (var child in multipart)
            foreach (var inner in Multiparts(child))
                yield return inner;
    }

    private static (string Text, bool FromHtml) TextOf(MimeMessage message)
    {
        if (message.TextBody is { } plain && !string.IsNullOrWhiteSpace(plain)) return (plain.ReplaceLineEndings("\n").Trim(), false);
        if (message.HtmlBody is { } html && !string.IsNullOrWhiteSpace(html))
            return (string.Join("\n", HtmlText.ToBlocks(html).Select(b => b.Text)).Trim(), true);
        return ("", false);
    }

    private static InboundAttachment Describe(MimeEntity entity)
    {
        var name = entity is MimePart part ? part.FileName : (entity as MessagePart)?.Message?.Subject;
        long size = 0;
        if (entity is MimePart { Content: { } content })
        {
            using var counter = new MimeKit.IO.MeasuringStream();
            content.DecodeTo(counter);
            size = counter.Length;
        }
        return new InboundAttachment((name ?? "attachment").Truncate(200), entity.ContentType.MimeType.Truncate(100), size);
    }

    // An email without a Message-ID still needs one identity so a second import is recognised: its content hash.
    private static string MessageIdOf(MimeMessage message, byte[]? raw)
    {
        var given = Clean(message.MessageId);
        if (given is not null && given.Length <= MaxMessageId) return given;
        var bytes = raw ?? Bytes(message);
        return $"sha256-{Convert.ToHexStringLower(SHA256.HashData(given is null ? bytes : System.Text.Encoding.UTF8.GetBytes(given)))}@inbound.invalid";
    }

    private static byte[] Bytes(MimeMessage message)
    {
        using var buffer = new MemoryStream();
        message.WriteTo(buffer);
        return buffer.ToArray();
    }

    private static string? Clean(string? id) => string.IsNullOrWhiteSpace(id) ? null : id.Trim().Trim('<', '>');
}
