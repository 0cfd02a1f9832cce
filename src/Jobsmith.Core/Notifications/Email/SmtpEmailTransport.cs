using System.Text;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Jobsmith.Core.Notifications.Email;

/// <summary>
/// Sends through the configured SMTP server with MailKit: TLS as configured (STARTTLS when the server offers it by
/// default), authentication when a user is set. Failures say how far the transaction got (<see cref="SmtpFailure"/>),
/// because a caller that must never send twice has to tell "nothing left" from "may have left".
/// </summary>
public sealed class SmtpEmailTransport(IOptions<EmailOptions> options, TimeProvider clock) : IEmailTransport
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken) =>
        await DeliverAsync(EmailMime.Build(message, options.Value.From, clock.GetUtcNow()), cancellationToken);

    /// <summary>Sends one message and returns the server's reply to it (e.g. "2.0.0 Ok: queued as …").</summary>
    /// <exception cref="SmtpDeliveryException">The send failed; <see cref="SmtpDeliveryException.Failure"/> says whether it may have been delivered.</exception>
    public async Task<string> DeliverAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var wire = new DataCommandWatch();
        using var client = new SmtpClient(wire) { Timeout = (int)TimeSpan.FromSeconds(o.SmtpTimeoutSeconds).TotalMilliseconds };
        try
        {
            var host = string.IsNullOrWhiteSpace(o.SmtpHost) ? throw new InvalidOperationException("Email:SmtpHost is not set.") : o.SmtpHost;
            await client.ConnectAsync(host, o.SmtpPort, o.Security, cancellationToken);
            if (!string.IsNullOrEmpty(o.SmtpUser))
                await client.AuthenticateAsync(o.SmtpUser, o.SmtpPassword ?? "", cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw new SmtpDeliveryException(SmtpFailure.NotReached, $"Could not connect or sign in to the mail server {o.SmtpHost}:{o.SmtpPort}: {e.Message}", e);
        }

        string reply;
        try
        {
            reply = await client.SendAsync(message, cancellationToken);
        }
        catch (SmtpCommandException e)
        {
            // The server answered with a refusal (to the sender, a recipient or the message): it delivers nothing.
            throw new SmtpDeliveryException(SmtpFailure.Rejected, $"The mail server refused the message: {(int)e.StatusCode} {e.Message}", e);
        }
        catch (Exception e) when (wire.DataSent)
        {
            // The message may be complete on the other side even though no reply arrived: nobody can tell.
            throw new SmtpDeliveryException(SmtpFailure.Uncertain, $"The connection failed after the message was handed to the mail server, so it may have been delivered: {e.Message}", e);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw new SmtpDeliveryException(SmtpFailure.NotReached, $"The mail server did not take the message: {e.Message}", e);
        }

        // The message is accepted; a failed goodbye changes nothing.
        try { await client.DisconnectAsync(quit: true, CancellationToken.None); }
        catch (Exception e) when (e is IOException or ProtocolException or TimeoutException) { }
        return reply;
    }

    /// <summary>
    /// Watches what the client writes for the DATA (or BDAT) command after MAIL FROM: from then on the server may
    /// receive a complete message, so a failure can no longer be called "not sent".
    /// </summary>
    private sealed class DataCommandWatch : IProtocolLogger
    {
        private readonly StringBuilder _line = new();
        private bool _mailFrom;

        public bool DataSent { get; private set; }

        public IAuthenticationSecretDetector? AuthenticationSecretDetector { get; set; }

        public void LogConnect(Uri uri) { }

        public void LogServer(byte[] buffer, int offset, int count) { }

        public void LogClient(byte[] buffer, int offset, int count)
        {
            for (var i = offset; i < offset + count && !DataSent; i++)
            {
                var c = (char)buffer[i];
                if (c != '\n') { if (_line.Length < 64) _line.Append(c); continue; }
                var line = _line.ToString().TrimEnd('\r');
                _line.Clear();
                if (line.StartsWith("MAIL FROM:", StringComparison.OrdinalIgnoreCase)) _mailFrom = true;
                else if (_mailFrom && (line.Equals("DATA", StringComparison.OrdinalIgnoreCase) || line.StartsWith("BDAT ", StringComparison.OrdinalIgnoreCase)))
                    DataSent = true;
            }
        }

        public void Dispose() { }
    }
}

/// <summary>How far a failed SMTP send got.</summary>
public enum SmtpFailure
{
    /// <summary>Connecting, TLS, sign-in, or the envelope failed before any message was handed over: nothing left.</summary>
    NotReached,
    /// <summary>The server answered with a refusal (sender, recipients or message): nothing will be delivered.</summary>
    Rejected,
    /// <summary>The connection failed after the DATA command: the server may hold the message.</summary>
    Uncertain,
}

public sealed class SmtpDeliveryException(SmtpFailure failure, string message, Exception inner) : Exception(message, inner)
{
    public SmtpFailure Failure { get; } = failure;
}
