namespace Jobsmith.Core.Notifications.Email;

public sealed record EmailMessage(string To, string Subject, string TextBody);

/// <summary>The seam between "send this email" and how: the outbox folder by default, SMTP when configured.</summary>
public interface IEmailTransport
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken);
}
