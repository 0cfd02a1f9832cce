using Jobsmith.Core.Inbox;

namespace Jobsmith.Tests.Inbox;

/// <summary>G2: the MIME corpus under Inbox/Data/mime, read as an import reads it.</summary>
public sealed class MimeCorpusTests
{
    private static ParsedEmail Read(string name) => MimeReader.Parse(Bytes(name));

    internal static byte[] Bytes(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Inbox", "Data", "mime", name));

    [Fact]
    public void Multipart_alternative_gives_the_plain_text_and_the_thread_headers()
    {
        var email = Read("alternative.eml");
        Assert.Contains("invite you to a video interview", email.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("HTML VERSION", email.Text, StringComparison.Ordinal);
        Assert.False(email.TextFromHtml);
        Assert.Equal(("alt-1@novapayments.example", "jobsmith-0193a1b2c3d4e5f60718293a4b5c6d7e@jobsmith.example"), (email.MessageId, email.InReplyTo));
        Assert.True(SentMessageIds.TryApplicationId(email.InReplyTo!, out var app));
        Assert.Equal(Guid.Parse("0193a1b2-c3d4-e5f6-0718-293a4b5c6d7e"), app);
        Assert.Equal(("laura@novapayments.example", "Laura Becker", "novapayments.example"), (email.FromAddress, email.FromName, email.FromDomain));
        Assert.Equal(new DateTimeOffset(2026, 12, 7, 9, 15, 0, TimeSpan.FromHours(1)), email.SentAt);
    }

    [Fact]
    public void Attachments_are_listed_with_name_type_and_decoded_size_and_the_body_is_the_nested_text()
    {
        var email = Read("attachments.eml");
        Assert.StartsWith("Dear Priya, we are delighted to offer you the position.", email.Text, StringComparison.Ordinal);
        Assert.Equal(
            [("Offer Letter.pdf", "application/pdf", 9 + 1500 + 7L), ("start.ics", "text/calendar", 84L)],
            email.Attachments.Select(a => (a.FileName, a.ContentType, a.Size)));
    }

    [Fact]
    public void Non_utf8_charsets_and_encoded_word_headers_are_decoded()
    {
        var latin = Read("latin1.eml");
        Assert.Equal("Ihre Bewerbung – Rückmeldung", latin.Subject);
        Assert.Equal("Jürgen Weiß", latin.FromName);
        Assert.Contains("leider müssen wir Ihnen mitteilen", latin.Text, StringComparison.Ordinal);
        Assert.Contains("Mit freundlichen Grüßen", latin.Text, StringComparison.Ordinal);

        var koi = Read("koi8r.eml");
        Assert.Equal("Собеседование – Backend Engineer ✓", koi.Subject);
        Assert.Equal("Ирина", koi.FromName);
        Assert.Equal("Здравствуйте, Прия! Приглашаем вас на собеседование.", koi.Text);
    }

    [Fact]
    public void An_html_only_email_becomes_text_without_markup_scripts_or_styles()
    {
        var email = Read("html-only.eml");
        Assert.True(email.TextFromHtml);
        Assert.Contains("We have received your application and will review it shortly.", email.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("<", email.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("alert", email.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("color", email.Text, StringComparison.Ordinal);
        Assert.Equal("confirmation", ReplyRules.Classify(email.Subject, email.Text).Category);
    }

    [Theory]
    [InlineData("broken-boundary.eml", "declares the boundary \"declared-boundary\" but no part uses it")]
    [InlineData("no-boundary.eml", "has no boundary")]
    public void A_broken_multipart_is_refused_with_a_clear_reason(string file, string reason)
    {
        var error = Assert.Throws<InboundEmailException>(() => Read(file));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Junk_and_empty_input_are_refused_without_crashing()
    {
        Assert.Throws<InboundEmailException>(() => MimeReader.Parse([]));
        var random = new byte[4096];
        new Random(7).NextBytes(random);
        // Whatever MimeKit makes of noise, the result is either a refusal or an email with text: never another exception.
        try
        {
            _ = MimeReader.Parse(random);
        }
        catch (InboundEmailException)
        {
        }
    }

    [Fact]
    public void An_email_without_a_message_id_gets_a_stable_one_from_its_content()
    {
        var first = Read("no-message-id.eml");
        var second = Read("no-message-id.eml");
        Assert.Equal(first.MessageId, second.MessageId);
        Assert.StartsWith("sha256-", first.MessageId, StringComparison.Ordinal);
    }
}
