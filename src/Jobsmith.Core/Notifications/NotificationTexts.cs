using Jobsmith.Core.Accounts;
using Jobsmith.Core.Data;
using Jobsmith.Core.Notifications.Preferences;
using Jobsmith.Core.Notifications.Sms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Jobsmith.Core.Notifications;

public enum SmsOutcome { Sent, NotWanted, NoPhone, Failed }

/// <summary>
/// Texts a notification at once (G3) when the candidate switched SMS on, wants this type by SMS and has a phone
/// number: the title and a pointer to the app, never the whole body (texts are read on lock screens). A failed send
/// is logged with the number masked and does not undo the notification: the in-app copy is already kept.
/// </summary>
public sealed partial class NotificationTexts(AppDbContext db, NotificationPreferences preferences, ISmsSender sender, IOptions<SmsOptions> options,
    ILogger<NotificationTexts> logger)
{
    public async Task<SmsOutcome> SendAsync(Notification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        if (!await preferences.WantsSmsAsync(notification.UserId, notification.Type, cancellationToken)) return SmsOutcome.NotWanted;
        var phone = await db.Set<JobsmithUser>().AsNoTracking().Where(u => u.Id == notification.UserId).Select(u => u.PhoneNumber).FirstOrDefaultAsync(cancellationToken);
        if (PhoneNumbers.Normalize(phone) is not { } to) return SmsOutcome.NoPhone;
        try
        {
            await sender.SendAsync(new SmsMessage(to, Text(notification, options.Value.MaxLength)), cancellationToken);
            return SmsOutcome.Sent;
        }
        catch (SmsException e)
        {
            SendFailed(logger, notification.Type, notification.Id, PhoneNumbers.Masked(to), e.Message);
            return SmsOutcome.Failed;
        }
    }

    /// <summary>"Jobsmith: {title}. Details in the app." cut to the provider's limit.</summary>
    public static string Text(Notification notification, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(notification);
        const string Tail = " Details in Jobsmith.";
        var room = Math.Max(20, maxLength - Tail.Length - "Jobsmith: ".Length);
        return $"Jobsmith: {(notification.Title.Truncate(room, ellipsis: true) ?? "").TrimEnd('.')}.{Tail}";
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The {Type} notification {Id} could not be texted to {Phone}: {Reason}")]
    private static partial void SendFailed(ILogger logger, string type, Guid id, string phone, string reason);
}
