using Jobsmith.Core.Accounts;
using Jobsmith.Core.Data;
using Jobsmith.Core.Notifications.Email;
using Jobsmith.Core.Notifications.Preferences;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Jobsmith.Core.Notifications;

public enum EmailOutcome { Sent, NotWanted, Failed }

/// <summary>
/// Sends a notification by email at once (G3) when the candidate's preferences allow it for its type, to the
/// account's address. A failed send is logged and does not undo the notification: the in-app copy is already kept.
/// </summary>
public sealed partial class NotificationEmails(AppDbContext db, NotificationPreferences preferences, IEmailTransport transport, ILogger<NotificationEmails> logger)
{
    public Task<EmailOutcome> SendAsync(Notification notification, string? textBody, IReadOnlyList<EmailAttachment>? attachments, CancellationToken cancellationToken) =>
        SendAsync(notification, to => new EmailMessage(to, notification.Title, textBody ?? notification.Body) { Attachments = attachments ?? [] }, cancellationToken);

    /// <summary>Sends the message <paramref name="build"/> makes for the candidate's address, if they want this type by email.</summary>
    public async Task<EmailOutcome> SendAsync(Notification notification, Func<string, EmailMessage> build, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        ArgumentNullException.ThrowIfNull(build);
        if (!await preferences.WantsEmailAsync(notification.UserId, notification.Type, cancellationToken)) return EmailOutcome.NotWanted;
        var address = await db.Set<JobsmithUser>().AsNoTracking().Where(u => u.Id == notification.UserId).Select(u => u.Email).FirstOrDefaultAsync(cancellationToken);
        if (!EmailMime.IsMailbox(address)) return EmailOutcome.NotWanted;
        try
        {
            await transport.SendAsync(build(address!), cancellationToken);
            return EmailOutcome.Sent;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            SendFailed(logger, notification.Type, notification.Id, e.Message);
            return EmailOutcome.Failed;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The {Type} notification {Id} could not be emailed: {Reason}")]
    private static partial void SendFailed(ILogger logger, string type, Guid id, string reason);
}
