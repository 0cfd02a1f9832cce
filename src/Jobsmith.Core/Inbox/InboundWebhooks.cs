using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Jobsmith.Core.Inbox;

/// <summary>A form post as a provider sends it: its fields and its files.</summary>
public sealed record InboundForm(IReadOnlyDictionary<string, string> Fields, IReadOnlyList<InboundFile> Files)
{
    public string? this[string name] => Fields.TryGetValue(name, out var value) ? value : null;
}

public sealed record InboundFile(string Field, string FileName, string ContentType, byte[] Content);

/// <summary>A webhook refused: a bad or missing signature (<see cref="Unauthorized"/>) or a payload that is not what the provider sends.</summary>
public sealed class InboundWebhookException(string message, bool unauthorized) : Exception(message)
{
    public bool Unauthorized { get; } = unauthorized;
}

public sealed record InboundWebhookResult(InboxImportStatus? Status, bool KnownRecipient, string? Error = null);

/// <summary>
/// Inbound mail webhooks (G2) for Postmark (JSON), Mailgun (form, HMAC-SHA256 of timestamp+token) and SendGrid
/// inbound parse (multipart form with the raw MIME or parsed fields; ECDSA-verified when a key is configured).
/// Signatures are checked before anything is read; the recipient's token picks the candidate; the email then goes
/// through the same import as IMAP.
/// </summary>
public sealed class InboundWebhooks(InboxService inbox, InboundAddresses addresses, IOptions<InboxOptions> options, TimeProvider clock)
{
    public const string SendGridSignatureHeader = "X-Twilio-Email-Event-Webhook-Signature";
    public const string SendGridTimestampHeader = "X-Twilio-Email-Event-Webhook-Timestamp";

    public async Task<InboundWebhookResult> PostmarkAsync(string json, string? authorization, CancellationToken cancellationToken)
    {
        var o = options.Value;
        if (!string.IsNullOrEmpty(o.PostmarkUsername) && !BasicAuthMatches(authorization, o.PostmarkUsername, o.PostmarkPassword ?? ""))
            throw new InboundWebhookException("The Postmark webhook credentials are wrong.", unauthorized: true);
        JsonElement root;
        try
        {
            root = JsonDocument.Parse(json).RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new InboundWebhookException($"The Postmark payload is not JSON: {e.Message}", unauthorized: false);
        }
        if (root.ValueKind != JsonValueKind.Object) throw new InboundWebhookException("The Postmark payload is not a JSON object.", unauthorized: false);
        var recipients = new List<string>();
        if (Str(root, "OriginalRecipient") is { } original) recipients.Add(original);
        if (root.TryGetProperty("ToFull", out var toFull) && toFull.ValueKind == JsonValueKind.Array)
            recipients.AddRange(toFull.EnumerateArray().Select(t => Str(t, "Email")).OfType<string>());
        if (Str(root, "To") is { } to) recipients.AddRange(to.Split(','));
        return await ImportAsync(recipients, InboundSources.Postmark, () =>
        {
            if (Str(root, "RawEmail") is { Length: > 0 } raw) return MimeReader.Parse(Encoding.UTF8.GetBytes(raw));
            var headers = root.TryGetProperty("Headers", out var h) && h.ValueKind == JsonValueKind.Array
                ? h.EnumerateArray().Select(x => (Str(x, "Name") ?? "", Str(x, "Value") ?? "")).ToList()
                : [];
            var files = root.TryGetProperty("Attachments", out var a) && a.ValueKind == JsonValueKind.Array
                ? a.EnumerateArray().Select(x => new InboundFile("", Str(x, "Name") ?? "attachment", Str(x, "ContentType") ?? "application/octet-stream",
                    Base64(Str(x, "Content")))).ToList()
                : [];
            var from = root.TryGetProperty("FromFull", out var ff) ? $"{Str(ff, "Name")} <{Str(ff, "Email")}>" : Str(root, "From");
            return FromFields(from, Str(root, "Subject"), Str(root, "TextBody"), Str(root, "HtmlBody"), headers, files);
        }, cancellationToken);
    }

    public async Task<InboundWebhookResult> MailgunAsync(InboundForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var key = options.Value.MailgunSigningKey;
        if (string.IsNullOrEmpty(key)) throw new InboundWebhookException("No Mailgun signing key is configured, so Mailgun posts cannot be verified.", unauthorized: true);
        var (timestamp, token, signature) = (form["timestamp"], form["token"], form["signature"]);
        if (timestamp is null || token is null || signature is null)
            throw new InboundWebhookException("The Mailgun post has no timestamp, token and signature.", unauthorized: true);
        CheckFresh(timestamp);
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(timestamp + token));
        if (!HexEquals(signature, expected)) throw new InboundWebhookException("The Mailgun signature does not match.", unauthorized: true);

        var recipients = new[] { form["recipient"], form["To"], form["to"] }.OfType<string>().SelectMany(r => r.Split(','));
        return await ImportAsync(recipients, InboundSources.Mailgun, () =>
        {
            if (form["body-mime"] is { Length: > 0 } raw) return MimeReader.Parse(Encoding.UTF8.GetBytes(raw));
            var headers = form["message-headers"] is { } json ? HeaderPairs(json) : [];
            return FromFields(form["from"] ?? form["sender"], form["subject"], form["body-plain"], form["body-html"], headers,
                [.. form.Files.Where(f => f.Field.StartsWith("attachment", StringComparison.Ordinal))]);
        }, cancellationToken);
    }

    public async Task<InboundWebhookResult> SendGridAsync(InboundForm form, byte[] body, string? signature, string? timestamp, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(body);
        if (options.Value.SendGridVerificationKey is { Length: > 0 } key) VerifySendGrid(key, body, signature, timestamp);
        var recipients = new List<string>();
        if (form["envelope"] is { } envelope)
        {
            try
            {
                using var doc = JsonDocument.Parse(envelope);
                if (doc.RootElement.TryGetProperty("to", out var to) && to.ValueKind == JsonValueKind.Array)
                    recipients.AddRange(to.EnumerateArray().Select(t => t.GetString()).OfType<string>());
            }
            catch (JsonException)
            {
                // A broken envelope leaves the To field to route by.
            }
        }
        if (form["to"] is { } toField) recipients.AddRange(toField.Split(','));
        return await ImportAsync(recipients, InboundSources.SendGrid, () =>
        {
            if (form["email"] is { Length: > 0 } raw) return MimeReader.Parse(Encoding.UTF8.GetBytes(raw));
            var headers = form["headers"] is { } text ? HeaderLines(text) : [];
            return FromFields(form["from"], form["subject"], form["text"], form["html"], headers,
                [.. form.Files.Where(f => f.Field.StartsWith("attachment", StringComparison.Ordinal))]);
        }, cancellationToken);
    }

    private async Task<InboundWebhookResult> ImportAsync(IEnumerable<string> recipients, string source, Func<ParsedEmail> read, CancellationToken cancellationToken)
    {
        var owner = await addresses.OwnerAsync(recipients.Select(r => ExtractAddress(r.Trim())), cancellationToken);
        if (owner is null) return new(null, KnownRecipient: false, "No candidate has this inbound address.");
        ParsedEmail email;
        try
        {
            email = read();
        }
        catch (InboundEmailException e)
        {
            return new(InboxImportStatus.Unreadable, KnownRecipient: true, e.Message);
        }
        var result = await inbox.ImportAsync(owner, email, source, cancellationToken);
        return new(result.Status, KnownRecipient: true, result.Error);
    }

    private void VerifySendGrid(string key, byte[] body, string? signature, string? timestamp)
    {
        if (string.IsNullOrEmpty(signature) || string.IsNullOrEmpty(timestamp))
            throw new InboundWebhookException("The SendGrid post is not signed.", unauthorized: true);
        CheckFresh(timestamp);
        using var ecdsa = ECDsa.Create();
        try
        {
            ecdsa.ImportSubjectPublicKeyInfo(Convert.FromBase64String(key), out _);
            var signed = Encoding.UTF8.GetBytes(timestamp).Concat(body).ToArray();
            if (ecdsa.VerifyData(signed, Convert.FromBase64String(signature), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence)) return;
        }
        catch (FormatException)
        {
        }
        catch (CryptographicException)
        {
        }
        throw new InboundWebhookException("The SendGrid signature does not match.", unauthorized: true);
    }

    private void CheckFresh(string timestamp)
    {
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            throw new InboundWebhookException("The signature timestamp is not a number.", unauthorized: true);
        var age = Math.Abs(clock.GetUtcNow().ToUnixTimeSeconds() - seconds);
        if (age > options.Value.SignatureToleranceSeconds)
            throw new InboundWebhookException("The signature timestamp is too old: the post may be a replay.", unauthorized: true);
    }

    /// <summary>An email rebuilt from a provider's parsed fields, so it is read exactly like a raw one.</summary>
    internal static ParsedEmail FromFields(string? from, string? subject, string? text, string? html, IReadOnlyList<(string Name, string Value)> headers,
        IReadOnlyList<InboundFile> files)
    {
        var message = new MimeMessage();
        // A new MimeMessage makes up its own Message-ID and Date; only the sender's may identify the email.
        message.Headers.Remove(HeaderId.MessageId);
        message.Headers.Remove(HeaderId.Date);
        foreach (var (name, value) in headers)
            if (name.Equals("Message-ID", StringComparison.OrdinalIgnoreCase) || name.Equals("In-Reply-To", StringComparison.OrdinalIgnoreCase)
                || name.Equals("References", StringComparison.OrdinalIgnoreCase) || name.Equals("Date", StringComparison.OrdinalIgnoreCase))
                message.Headers.Add(name, value);
        if (from is not null && InternetAddressList.TryParse(from, out var fromList)) message.From.AddRange(fromList.Mailboxes);
        message.Subject = subject ?? "";
        var body = new BodyBuilder { TextBody = text, HtmlBody = html };
        foreach (var file in files) body.Attachments.Add(file.FileName, file.Content, ContentType.Parse(file.ContentType));
        message.Body = body.ToMessageBody();
        return MimeReader.Read(message);
    }

    private static List<(string, string)> HeaderPairs(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            return [.. doc.RootElement.EnumerateArray().Where(p => p.ValueKind == JsonValueKind.Array && p.GetArrayLength() == 2)
                .Select(p => (p[0].GetString() ?? "", p[1].GetString() ?? ""))];
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return [];
        }
    }

    private static List<(string, string)> HeaderLines(string text)
    {
        var list = new List<(string, string)>();
        foreach (var line in text.ReplaceLineEndings("\n").Split('\n'))
        {
            if (line.Length > 0 && char.IsWhiteSpace(line[0]) && list.Count > 0) { list[^1] = (list[^1].Item1, list[^1].Item2 + " " + line.Trim()); continue; }
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0) list.Add((line[..colon].Trim(), line[(colon + 1)..].Trim()));
        }
        return list;
    }

    private static string ExtractAddress(string recipient) =>
        MailboxAddress.TryParse(recipient, out var mailbox) ? mailbox.Address : recipient;

    private static string? Str(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static byte[] Base64(string? text)
    {
        try
        {
            return string.IsNullOrEmpty(text) ? [] : Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            throw new InboundWebhookException("An attachment's content is not base64.", unauthorized: false);
        }
    }

    private static bool HexEquals(string hex, byte[] expected)
    {
        try
        {
            return CryptographicOperations.FixedTimeEquals(Convert.FromHexString(hex), expected);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static bool BasicAuthMatches(string? header, string user, string password)
    {
        if (header is null || !header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase)) return false;
        var expected = Encoding.UTF8.GetBytes(Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header[6..].Trim()), expected);
    }
}
