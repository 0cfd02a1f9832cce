using Jobsmith.Core.Hosting;
using Jobsmith.Core.Notifications.Email;
using Jobsmith.Tests.TestSupport;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Jobsmith.Tests.Notifications;

/// <summary>Notifications through MailKit: over SMTP to a real server on loopback, or to the outbox; never a smuggled header.</summary>
public sealed class EmailTransportTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("jobsmith-mail-").FullName;

    [SkippableFact]
    public async Task A_notification_reaches_the_smtp_server_with_its_subject_and_text()
    {
        var server = TestSmtpServer.Shared();
        var to = $"reader-{Guid.NewGuid():N}@example.test";
        var options = Options.Create(new EmailOptions { From = "Jobsmith <noreply@jobsmith.test>", SmtpHost = server.Host, SmtpPort = server.Port });

        await new SmtpEmailTransport(options, TimeProvider.System).SendAsync(new EmailMessage(to, "Your weekly report — 3 new matches", "Héllo,\nthree new matches.\n"), CancellationToken.None);

        var received = await server.WaitForMailToAsync(to);
        Assert.Equal("noreply@jobsmith.test", received.MailFrom);
        Assert.Equal([to], received.Recipients);
        var mail = received.Parse();
        Assert.Equal("Your weekly report — 3 new matches", mail.Subject);
        Assert.Equal("Héllo,\nthree new matches.\n", mail.TextBody?.ReplaceLineEndings("\n"));
        Assert.EndsWith("@jobsmith.test", mail.MessageId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Line_breaks_in_a_subject_or_name_never_become_headers_and_a_smuggled_address_is_refused()
    {
        var outbox = Outbox();
        await outbox.SendAsync(new EmailMessage("reader@example.test", "Hello\r\nBcc: everyone@elsewhere.test", "Body\r\n\r\nBcc: not-a-header@elsewhere.test")
        {
            FromName = "Jane\nBcc: name@elsewhere.test",
        }, CancellationToken.None);

        var path = Assert.Single(Directory.GetFiles(outbox.Folder, "*.eml"));
        var mail = MimeMessage.Load(path);
        Assert.Empty(mail.Bcc);
        Assert.Equal(["reader@example.test"], mail.To.Mailboxes.Select(m => m.Address));
        Assert.Equal("Hello  Bcc: everyone@elsewhere.test", mail.Subject);
        Assert.Equal("Jane Bcc: name@elsewhere.test", mail.From.Mailboxes.Single().Name);
        Assert.DoesNotContain(mail.Headers, h => h.Field.Equals("Bcc", StringComparison.OrdinalIgnoreCase));

        foreach (var smuggled in new[]
        {
            new EmailMessage("reader@example.test\r\nBcc: everyone@elsewhere.test", "Hi", "x"),
            new EmailMessage("reader@example.test, other@elsewhere.test", "Hi", "x"),
            new EmailMessage("reader@example.test", "Hi", "x") { ReplyTo = "me@example.test\nBcc: everyone@elsewhere.test" },
            new EmailMessage("reader@example.test", "Hi", "x") { MessageId = "id@x>\r\nBcc: <everyone@elsewhere.test" },
        })
            await Assert.ThrowsAsync<ArgumentException>(() => outbox.SendAsync(smuggled, CancellationToken.None));
        Assert.Single(Directory.GetFiles(outbox.Folder));
    }

    [Fact]
    public async Task The_outbox_writes_crlf_mime_with_the_attachments_bytes()
    {
        var outbox = Outbox();
        var pdf = Enumerable.Range(0, 256).Select(b => (byte)b).ToArray();
        await outbox.SendAsync(new EmailMessage("reader@example.test", "Report", "See the attachment.")
        {
            ReplyTo = "owner@example.test",
            MessageId = "report-1@jobsmith.test",
            Attachments = [new EmailAttachment("report.pdf", "application/pdf", pdf)],
        }, CancellationToken.None);

        var bytes = await File.ReadAllBytesAsync(Assert.Single(Directory.GetFiles(outbox.Folder, "*.eml")));
        Assert.DoesNotContain((byte)'\n', bytes.Where((b, i) => b == '\n' && (i == 0 || bytes[i - 1] != '\r')));
        var mail = MimeMessage.Load(new MemoryStream(bytes));
        Assert.Equal(("report-1@jobsmith.test", "owner@example.test"), (mail.MessageId, mail.ReplyTo.Mailboxes.Single().Address));
        var part = Assert.IsType<MimePart>(Assert.Single(mail.Attachments));
        using var decoded = new MemoryStream();
        part.Content!.DecodeTo(decoded);
        Assert.Equal("report.pdf", part.FileName);
        Assert.Equal(pdf, decoded.ToArray());
    }

    private OutboxEmailTransport Outbox() => new(
        Options.Create(new EmailOptions { From = "Jobsmith <noreply@jobsmith.test>" }),
        Options.Create(new JobsmithOptions { DataDirectory = _data }), TimeProvider.System);

    public void Dispose() => Directory.Delete(_data, recursive: true);
}
