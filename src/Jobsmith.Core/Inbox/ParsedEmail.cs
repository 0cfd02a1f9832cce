namespace Jobsmith.Core.Inbox;

/// <summary>An attachment of an inbound email: its name, type and decoded size. The content is not kept.</summary>
public sealed record InboundAttachment(string FileName, string ContentType, long Size);

/// <summary>
/// What Jobsmith reads from one inbound email (G2): thread headers, sender, subject and the text, all decoded.
/// Everything here came from outside and is untrusted text.
/// </summary>
public sealed record ParsedEmail(
    string MessageId,
    string? InReplyTo,
    IReadOnlyList<string> References,
    string FromAddress,
    string? FromName,
    string Subject,
    DateTimeOffset? SentAt,
    string Text,
    bool TextFromHtml,
    IReadOnlyList<InboundAttachment> Attachments)
{
    /// <summary>The domain of the sender's address, lower case; empty when there is no sender.</summary>
    public string FromDomain => FromAddress.LastIndexOf('@') is var at and >= 0 ? FromAddress[(at + 1)..].ToLowerInvariant() : "";

    /// <summary>Every Message-ID this email says it answers: In-Reply-To first, then References, newest last.</summary>
    public IEnumerable<string> ThreadIds => InReplyTo is null ? References : References.Prepend(InReplyTo);
}

/// <summary>An inbound email that cannot be read; the message says what is wrong with it, for the person who sent it in.</summary>
public sealed class InboundEmailException(string message, Exception? inner = null) : Exception(message, inner);
