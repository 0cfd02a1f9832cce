using System.Net;
using System.Net.Mail;
using Microsoft.Extensions.Options;

namespace Jobsmith.Core.Notifications.Email;

public sealed class SmtpEmailTransport(IOptions<EmailOptions> options) : IEmailTransport
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var o = options.Value;
        using var client = new SmtpClient(o.SmtpHost, o.SmtpPort) { EnableSsl = o.SmtpEnableSsl };
        if (!string.IsNullOrEmpty(o.SmtpUser))
            client.Credentials = new NetworkCredential(o.SmtpUser, o.SmtpPassword);
        using var mail = new MailMessage(o.From, message.To, message.Subject, message.TextBody);
        await client.SendMailAsync(mail, cancellationToken);
    }
}
