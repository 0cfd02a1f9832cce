using System.Net;
using System.Net.Sockets;
using System.Text;
using Jobsmith.Core.Applications.Submission;
using Jobsmith.Core.Hosting;
using Jobsmith.Core.Notifications.Email;
using Jobsmith.Tests.TestSupport;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Jobsmith.Tests.Applications.Submission;

/// <summary>F3, F6, F7: the email channel against a real SMTP server on loopback (aiosmtpd), the outbox and failures.</summary>
public sealed class EmailApplicationChannelTests : IDisposable
{
    private const string From = "Jobsmith <noreply@jobsmith.test>";
    private readonly string _data = Directory.CreateTempSubdirectory("jobsmith-email-").FullName;

    [SkippableFact]
    public async Task Sends_the_application_with_reply_to_message_id_and_the_exact_file_bytes()
    {
        var server = TestSmtpServer.Shared();
        var to = SubmissionPackages.UniqueAddress("hr");
        var package = SubmissionPackages.For(to);

        var result = await Channel(server.Host, server.Port).SubmitAsync(package, CancellationToken.None);

        Assert.Equal(SubmissionOutcome.Sent, result.Outcome);
        Assert.Contains("queued as", result.Confirmation, StringComparison.Ordinal);
        var received = await server.WaitForMailToAsync(to);
        Assert.Equal("noreply@jobsmith.test", received.MailFrom);
        Assert.Equal([to], received.Recipients);
        var mail = received.Parse();
        Assert.Equal("Application: Backend Engineer — Jane Doe", mail.Subject);
        Assert.Equal([to], mail.To.Mailboxes.Select(m => m.Address));
        Assert.Equal(("Jane Doe via Jobsmith", "noreply@jobsmith.test"), (mail.From.Mailboxes.Single().Name, mail.From.Mailboxes.Single().Address));
        Assert.Equal(["jane.doe@candidate.test"], mail.ReplyTo.Mailboxes.Select(m => m.Address));
        Assert.Equal($"{package.IdempotencyKey}@jobsmith.test", mail.MessageId);
        Assert.Equal("Dear Acme team,\n\nI build payment systems.\n\nJane Doe\n", mail.TextBody?.ReplaceLineEndings("\n"));
        AssertAttachments(package, mail);

        var proof = Assert.Single(result.ProofItems);
        Assert.Equal((ProofKinds.SentEmail, "message/rfc822"), (proof.Kind, proof.ContentType));
        var kept = MimeMessage.Load(new MemoryStream(proof.Content));
        Assert.Equal(mail.MessageId, kept.MessageId);
        AssertAttachments(package, kept);
    }

    [SkippableFact]
    public async Task Without_a_cover_letter_the_note_says_only_what_the_package_holds()
    {
        var server = TestSmtpServer.Shared();
        var to = SubmissionPackages.UniqueAddress("jobs");
        var withLetter = SubmissionPackages.For(to, coverLetterText: null);
        var package = withLetter with { Files = [withLetter.FileOf(SubmissionFileKinds.Resume)!] };

        Assert.Equal(SubmissionOutcome.Sent, (await Channel(server.Host, server.Port).SubmitAsync(package, CancellationToken.None)).Outcome);

        var mail = (await server.WaitForMailToAsync(to)).Parse();
        Assert.Equal(
            "Dear Acme hiring team,\n\nI would like to apply for the Backend Engineer position (https://jobs.acme.test/backend).\n"
            + "My resume is attached.\n\nKind regards,\nJane Doe\njane.doe@candidate.test\n+44 20 7946 0000\n",
            mail.TextBody?.ReplaceLineEndings("\n"));
        Assert.Equal(["Jane-Doe-resume.pdf"], mail.Attachments.OfType<MimePart>().Select(a => a.FileName));
    }

    [Fact]
    public async Task Without_smtp_the_email_goes_to_the_outbox_and_the_candidate_is_asked_to_send_it()
    {
        var package = SubmissionPackages.For("hr@employer.test");

        var result = await Channel(smtpHost: null, 0).SubmitAsync(package, CancellationToken.None);

        Assert.Equal((SubmissionOutcome.Escalate, EscalationReasons.Manual), (result.Outcome, result.Escalation));
        var file = Assert.Single(Directory.GetFiles(Path.Combine(_data, "outbox"), "*.eml"));
        Assert.Contains(Path.GetFileName(file), result.Details, StringComparison.Ordinal);
        var bytes = await File.ReadAllBytesAsync(file);
        Assert.Equal(Assert.Single(result.ProofItems).Content, bytes);
        var mail = MimeMessage.Load(new MemoryStream(bytes));
        Assert.Equal($"{package.IdempotencyKey}@jobsmith.test", mail.MessageId);
        AssertAttachments(package, mail);
        Assert.DoesNotContain("\n", Encoding.ASCII.GetString(bytes).Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_dry_run_builds_the_message_as_proof_and_sends_nothing()
    {
        var server = TestSmtpServer.Shared();
        var to = SubmissionPackages.UniqueAddress("dry");
        var package = SubmissionPackages.For(to, dryRun: true);
        var channel = Channel(server.Host, server.Port);

        var result = await channel.SubmitAsync(package, CancellationToken.None);

        Assert.Equal(SubmissionOutcome.NotSent, result.Outcome);
        Assert.StartsWith("Dry run", result.Details, StringComparison.Ordinal);
        AssertAttachments(package, MimeMessage.Load(new MemoryStream(Assert.Single(result.ProofItems).Content)));
        // A real send through the same server afterwards arrives; the dry run's message never did.
        var after = SubmissionPackages.UniqueAddress("after");
        Assert.Equal(SubmissionOutcome.Sent, (await channel.SubmitAsync(SubmissionPackages.For(after), CancellationToken.None)).Outcome);
        await server.WaitForMailToAsync(after);
        Assert.Empty(server.MailTo(to));
        Assert.False(Directory.Exists(Path.Combine(_data, "outbox")));
    }

    [SkippableFact]
    public async Task A_file_of_another_application_or_with_changed_bytes_is_refused_before_anything_is_sent()
    {
        var server = TestSmtpServer.Shared();
        var to = SubmissionPackages.UniqueAddress("mismatch");
        var package = SubmissionPackages.For(to);
        var resume = package.FileOf(SubmissionFileKinds.Resume)!;
        var letter = package.FileOf(SubmissionFileKinds.CoverLetter)!;
        var channel = Channel(server.Host, server.Port);

        var otherApplication = await channel.SubmitAsync(package with { Files = [resume with { ApplicationId = Guid.NewGuid() }, letter] }, CancellationToken.None);
        var otherPosting = await channel.SubmitAsync(package with { Files = [resume, letter with { PostingId = Guid.NewGuid() }] }, CancellationToken.None);
        var changed = resume.Content.ToArray();
        changed[10] ^= 1;
        var changedBytes = await channel.SubmitAsync(package with { Files = [resume with { Content = changed }, letter] }, CancellationToken.None);

        Assert.Equal(SubmissionOutcome.NotSent, otherApplication.Outcome);
        Assert.Contains("Jane-Doe-resume.pdf was prepared for a different application or job", otherApplication.Details, StringComparison.Ordinal);
        Assert.Equal(SubmissionOutcome.NotSent, otherPosting.Outcome);
        Assert.Contains("Jane-Doe-cover-letter.pdf", otherPosting.Details, StringComparison.Ordinal);
        Assert.Equal(SubmissionOutcome.NotSent, changedBytes.Outcome);
        Assert.Contains("not the approved version 3", changedBytes.Details, StringComparison.Ordinal);
        Assert.All([otherApplication, otherPosting, changedBytes], r => Assert.Empty(r.ProofItems));
        // The untouched package goes out, and it is the only message that arrived.
        Assert.Equal(SubmissionOutcome.Sent, (await channel.SubmitAsync(package, CancellationToken.None)).Outcome);
        await server.WaitForMailToAsync(to);
        Assert.Single(server.MailTo(to));
    }

    [Theory]
    [InlineData(null, "gives no email address")]
    [InlineData("  ", "gives no email address")]
    [InlineData("hr@employer.test\r\nBcc: everyone@elsewhere.test", "not a single valid email address")]
    [InlineData("hr@employer.test, other@elsewhere.test", "not a single valid email address")]
    [InlineData("not an address", "not a single valid email address")]
    public async Task Without_one_valid_address_to_apply_to_nothing_is_sent(string? applyEmail, string reason)
    {
        await using var listener = new CountingListener();
        var result = await Channel("127.0.0.1", listener.Port).SubmitAsync(SubmissionPackages.For("x@y.test") with { ApplyEmail = applyEmail }, CancellationToken.None);

        Assert.Equal(SubmissionOutcome.NotSent, result.Outcome);
        Assert.Contains(reason, result.Details, StringComparison.Ordinal);
        Assert.Equal(0, listener.Connections);
    }

    [Fact]
    public async Task A_mail_server_that_is_down_means_not_sent()
    {
        var result = await Channel("127.0.0.1", TestSmtpServer.FreePort()).SubmitAsync(SubmissionPackages.For("hr@employer.test"), CancellationToken.None);

        Assert.Equal(SubmissionOutcome.NotSent, result.Outcome);
        Assert.Contains("Could not connect", result.Details, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_recipient_the_server_refuses_means_not_sent()
    {
        var server = TestSmtpServer.Shared();

        var result = await Channel(server.Host, server.Port).SubmitAsync(SubmissionPackages.For("nobody@reject.invalid"), CancellationToken.None);

        Assert.Equal(SubmissionOutcome.NotSent, result.Outcome);
        Assert.Contains("refused", result.Details, StringComparison.Ordinal);
        Assert.Empty(server.MailTo("nobody@reject.invalid"));
    }

    [Theory]
    [InlineData(AfterData.CloseBeforeReply)]
    [InlineData(AfterData.CloseAfterMessage)]
    [InlineData(AfterData.NeverAnswer)]
    public async Task A_connection_lost_after_data_means_unknown_never_not_sent(AfterData behaviour)
    {
        await using var server = new DroppingSmtpServer(behaviour);
        var package = SubmissionPackages.For("hr@employer.test");

        var result = await Channel("127.0.0.1", server.Port, timeoutSeconds: 1).SubmitAsync(package, CancellationToken.None);

        Assert.Equal(SubmissionOutcome.Unknown, result.Outcome);
        Assert.Contains($"<{package.IdempotencyKey}@jobsmith.test>", result.Details, StringComparison.Ordinal);
        Assert.Single(result.ProofItems);
        Assert.True(server.SawData);
    }

    [Fact]
    public void The_message_id_is_the_idempotency_key_and_anything_unsafe_is_hashed()
    {
        Assert.Equal("jobsmith-0123abcd@jobsmith.test", EmailApplicationChannel.MessageIdFor("jobsmith-0123abcd", From));
        var hashed = EmailApplicationChannel.MessageIdFor("key with spaces>\r\nX: y", From);
        Assert.Matches("^[0-9a-f]{64}@jobsmith.test$", hashed);
        Assert.Equal(hashed, EmailApplicationChannel.MessageIdFor("key with spaces>\r\nX: y", From));
    }

    private EmailApplicationChannel Channel(string? smtpHost, int port, double timeoutSeconds = 30)
    {
        var email = Options.Create(new EmailOptions { From = From, SmtpHost = smtpHost, SmtpPort = port, SmtpTimeoutSeconds = timeoutSeconds });
        var jobsmith = Options.Create(new JobsmithOptions { DataDirectory = _data });
        return new(email, new SmtpEmailTransport(email, TimeProvider.System), new OutboxEmailTransport(email, jobsmith, TimeProvider.System), TimeProvider.System);
    }

    private static void AssertAttachments(SubmissionPackage package, MimeMessage mail)
    {
        var attached = mail.Attachments.OfType<MimePart>().ToList();
        Assert.Equal(package.Files.Select(f => f.FileName), attached.Select(a => a.FileName));
        Assert.Equal(package.Files.Select(f => f.ContentType), attached.Select(a => a.ContentType.MimeType));
        foreach (var (file, part) in package.Files.Zip(attached))
        {
            using var bytes = new MemoryStream();
            part.Content!.DecodeTo(bytes);
            Assert.Equal(file.Content, bytes.ToArray());
        }
    }

    public void Dispose() => Directory.Delete(_data, recursive: true);

    public enum AfterData { CloseBeforeReply, CloseAfterMessage, NeverAnswer }

    /// <summary>
    /// The one failure a real server cannot be made to show on demand: it takes the envelope, then after DATA drops
    /// the connection (before its 354 reply, or after the whole message) or never answers.
    /// </summary>
    private sealed class DroppingSmtpServer : IAsyncDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _serving;
        private readonly AfterData _behaviour;

        public DroppingSmtpServer(AfterData behaviour)
        {
            _behaviour = behaviour;
            _listener.Start();
            _serving = ServeAsync();
        }

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;
        public bool SawData { get; private set; }

        private async Task ServeAsync()
        {
            using var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            await using var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.ASCII);
            await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
            await writer.WriteLineAsync("220 test ESMTP");
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                var verb = line.Split(' ', 2)[0].ToUpperInvariant();
                if (verb == "EHLO") { await writer.WriteLineAsync("250-test\r\n250 8BITMIME"); continue; }
                if (verb != "DATA") { await writer.WriteLineAsync("250 ok"); continue; }
                SawData = true;
                if (_behaviour == AfterData.CloseBeforeReply) return;
                await writer.WriteLineAsync("354 go ahead");
                while (await reader.ReadLineAsync(_stop.Token) is { } data && data != ".") { }
                if (_behaviour == AfterData.CloseAfterMessage) return;
                await Task.Delay(Timeout.Infinite, _stop.Token);
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            _listener.Stop();
            try { await _serving; } catch (OperationCanceledException) { } catch (SocketException) { }
            _stop.Dispose();
        }
    }

    /// <summary>A port that counts connections, to show a refused send never even connected.</summary>
    private sealed class CountingListener : IAsyncDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _accepting;
        private int _connections;

        public CountingListener()
        {
            _listener.Start();
            _accepting = AcceptAsync();
        }

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;
        public int Connections => Volatile.Read(ref _connections);

        private async Task AcceptAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                (await _listener.AcceptTcpClientAsync(_stop.Token)).Dispose();
                Interlocked.Increment(ref _connections);
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            _listener.Stop();
            try { await _accepting; } catch (OperationCanceledException) { } catch (SocketException) { }
            _stop.Dispose();
        }
    }
}
