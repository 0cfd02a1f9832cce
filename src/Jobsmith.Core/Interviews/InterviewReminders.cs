using Jobsmith.Core.Data;
using Jobsmith.Core.Notifications;
using Jobsmith.Core.Notifications.Preferences;
using Microsoft.EntityFrameworkCore;

namespace Jobsmith.Core.Interviews;

/// <summary>
/// Interview reminders (G5): one the day before (24 hours ahead) and one an hour before, each sent once. A reminder is
/// claimed by setting its "sent" mark with a conditional update in the same transaction that stores the notification,
/// so two workers, a retry or a restart cannot send it twice, and a crash before the commit leaves it due. A reminder
/// whose moment passed unsent (the workers were down) is skipped rather than sent late: no "tomorrow" an hour before.
/// </summary>
public sealed class InterviewReminders(AppDbContext db, NotificationCenter notifications, NotificationEmails emails, NotificationTexts texts, TimeProvider clock)
{
    private const int PerSweep = 100;

    public enum Kind { DayBefore, HourBefore }

    /// <summary>Sends the reminders that are due; returns how many went out.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var (hour, day) = (now.AddHours(1), now.AddDays(1));
        var dayBefore = await db.Set<Interview>().AsNoTracking()
            .Where(i => i.Status == InterviewStatuses.Scheduled && i.DayBeforeSentAt == null && i.StartsAt > hour && i.StartsAt <= day)
            .OrderBy(i => i.StartsAt).Select(i => i.Id).Take(PerSweep).ToListAsync(cancellationToken);
        var hourBefore = await db.Set<Interview>().AsNoTracking()
            .Where(i => i.Status == InterviewStatuses.Scheduled && i.HourBeforeSentAt == null && i.StartsAt > now && i.StartsAt <= hour)
            .OrderBy(i => i.StartsAt).Select(i => i.Id).Take(PerSweep).ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var id in dayBefore) if (await SendAsync(id, Kind.DayBefore, now, cancellationToken)) sent++;
        foreach (var id in hourBefore) if (await SendAsync(id, Kind.HourBefore, now, cancellationToken)) sent++;
        return sent;
    }

    private async Task<bool> SendAsync(Guid id, Kind kind, DateTime now, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var (hour, day) = (now.AddHours(1), now.AddDays(1));
        Notification notice;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            // The window is checked again in the claim: an edit since the scan may have moved the interview out of it.
            var scheduled = db.Set<Interview>().Where(i => i.Id == id && i.Status == InterviewStatuses.Scheduled);
            var claimed = kind == Kind.DayBefore
                ? await scheduled.Where(i => i.DayBeforeSentAt == null && i.StartsAt > hour && i.StartsAt <= day)
                    .ExecuteUpdateAsync(s => s.SetProperty(i => i.DayBeforeSentAt, now), cancellationToken)
                : await scheduled.Where(i => i.HourBeforeSentAt == null && i.StartsAt > now && i.StartsAt <= hour)
                    .ExecuteUpdateAsync(s => s.SetProperty(i => i.HourBeforeSentAt, now), cancellationToken);
            if (claimed == 0) return false;

            var row = await (from i in db.Set<Interview>().AsNoTracking()
                             join a in db.Set<Applications.JobApplication>() on i.ApplicationId equals a.Id
                             join p in db.Set<Jobs.Store.StoredPosting>() on a.PostingId equals p.Id
                             where i.Id == id
                             select new { Interview = i, p.Title, p.Company }).FirstAsync(cancellationToken);
            var view = InterviewView.Of(row.Interview, row.Title, row.Company);
            var title = kind == Kind.DayBefore ? $"Interview tomorrow: {view.Title} at {view.Company}" : $"Interview in an hour: {view.Title} at {view.Company}";
            notice = notifications.Stage(row.Interview.UserId, NotificationTypes.InterviewReminder, title, InterviewService.Summary(view));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        await notifications.PublishAsync(notice, cancellationToken);
        await emails.SendAsync(notice, null, null, cancellationToken);
        await texts.SendAsync(notice, cancellationToken);
        return true;
    }
}
