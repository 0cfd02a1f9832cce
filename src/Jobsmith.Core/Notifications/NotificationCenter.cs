using Jobsmith.Core.Data;
using Jobsmith.Core.Notifications.Push;
using Jobsmith.Core.Notifications.Realtime;
using Microsoft.EntityFrameworkCore;

namespace Jobsmith.Core.Notifications;

/// <summary>
/// Stores a notification, then pushes it to the user's open pages in real time and, as their preferences allow, to
/// their browsers by Web Push (G3).
/// </summary>
public sealed class NotificationCenter(AppDbContext db, IRealtimePublisher realtime, NotificationPushes pushes, TimeProvider clock)
{
    public async Task<Notification> NotifyAsync(string userId, string type, string title, string body, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var notification = new Notification
        {
            Id = Guid.CreateVersion7(now),
            UserId = userId,
            Type = type,
            Title = title,
            Body = body,
            CreatedAt = now.UtcDateTime,
        };
        db.Set<Notification>().Add(notification);
        await db.SaveChangesAsync(cancellationToken);
        await realtime.PublishAsync(userId, new RealtimeMessage(type, notification.Id, title, body, notification.CreatedAt), cancellationToken);
        // Never throws: a push service's trouble must not fail the change the notification announces.
        await pushes.SendAsync(notification, cancellationToken);
        return notification;
    }

    /// <summary>
    /// Adds a notification to the caller's unit of work without saving, so it commits with the change it announces;
    /// after saving, <see cref="PublishAsync"/> pushes it to open pages and subscribed browsers.
    /// </summary>
    public Notification Stage(string userId, string type, string title, string body)
    {
        var now = clock.GetUtcNow();
        var notification = new Notification { Id = Guid.CreateVersion7(now), UserId = userId, Type = type, Title = title, Body = body, CreatedAt = now.UtcDateTime };
        db.Set<Notification>().Add(notification);
        return notification;
    }

    public async Task PublishAsync(Notification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        await realtime.PublishAsync(notification.UserId, new RealtimeMessage(notification.Type, notification.Id, notification.Title, notification.Body, notification.CreatedAt), cancellationToken);
        await pushes.SendAsync(notification, cancellationToken);
    }

    public async Task<IReadOnlyList<Notification>> ListAsync(string userId, int take, CancellationToken cancellationToken) =>
        await db.Set<Notification>().AsNoTracking()
            .Where(n => n.UserId == userId)
            .OrderByDescending(n => n.CreatedAt)
            .Take(Math.Clamp(take, 1, 200))
            .ToListAsync(cancellationToken);

    /// <summary>Marks one of the user's notifications read; false when it is not theirs or does not exist (A2).</summary>
    public async Task<bool> MarkReadAsync(string userId, Guid id, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.Set<Notification>().Where(n => n.Id == id && n.UserId == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken) > 0;
    }

    /// <summary>Marks every unread notification of the user read; returns how many were marked.</summary>
    public async Task<int> MarkAllReadAsync(string userId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.Set<Notification>().Where(n => n.UserId == userId && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken);
    }
}
