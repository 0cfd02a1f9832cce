using System.Text;
using MimeKit;

namespace Jobsmith.Tests.Inbox;

public sealed record LabelledReply(string Label, string From, string Subject, string Body)
{
    /// <summary>The reply as a real email, so the labelled set goes through the same MIME reading as an import.</summary>
    public byte[] ToMime(string? inReplyTo = null)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(From));
        message.To.Add(MailboxAddress.Parse("priya.raman@example.com"));
        message.Subject = Subject;
        message.MessageId = $"{Math.Abs(StableHash(Subject + Body)):x}.{Label}@replies.example";
        if (inReplyTo is not null) message.InReplyTo = inReplyTo;
        message.Body = new TextPart("plain") { Text = Body };
        using var buffer = new MemoryStream();
        message.WriteTo(buffer);
        return buffer.ToArray();
    }

    private static long StableHash(string text) => text.Aggregate(17L, (h, c) => unchecked(h * 31 + c));
}

/// <summary>The labelled employer replies under Inbox/Data (G2): a tuning half and a held-out half.</summary>
public static class LabelledReplies
{
    public const string Tune = "replies-tune.txt";
    public const string HeldOut = "replies-heldout.txt";

    public static IReadOnlyList<LabelledReply> Load(string file)
    {
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Inbox", "Data", file), Encoding.UTF8);
        var replies = new List<LabelledReply>();
        var i = 0;
        while (i < lines.Length)
        {
            if (!lines[i].StartsWith("### ", StringComparison.Ordinal)) { i++; continue; }
            var label = lines[i++][4..].Trim();
            var from = lines[i++]["From: ".Length..].Trim();
            var subject = lines[i++]["Subject: ".Length..].Trim();
            i++; // the blank line after the headers
            var body = new StringBuilder();
            while (i < lines.Length && !lines[i].StartsWith("### ", StringComparison.Ordinal)) body.AppendLine(lines[i++]);
            replies.Add(new LabelledReply(label, from, subject, body.ToString().Trim()));
        }
        return replies;
    }
}
