using Jobsmith.Core.Agents;
using Jobsmith.Core.Applications;
using Jobsmith.Core.Data;
using Jobsmith.Core.Jobs.Store;
using Jobsmith.Core.Notifications;
using Jobsmith.Core.Notifications.Email;
using Jobsmith.Core.Notifications.Preferences;
using Microsoft.EntityFrameworkCore;

namespace Jobsmith.Core.Interviews;

/// <summary>
/// The interview use cases (G5), scoped to the candidate: schedule one for an application that was sent (typed on the
/// page or read from the invitation by the inbox), edit it, cancel it, and read them. Scheduling moves an "applied"
/// application to "interview" in the same unit of work, and the candidate is told at once, in the app and by email
/// with the calendar file (G3). Another candidate's application or interview is simply not found.
/// </summary>
public sealed class InterviewService(AppDbContext db, NotificationCenter notifications, NotificationEmails emails, NotificationTexts texts, EventPublisher events, TimeProvider clock)
{
    /// <summary>The actor named in the application's log when an invitation email scheduled the interview.</summary>
    public const string InboxAgentName = "inbox";

    public async Task<InterviewResult> ScheduleAsync(string userId, Guid applicationId, InterviewInput input, string source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var now = clock.GetUtcNow();
        var application = await db.Set<JobApplication>().FirstOrDefaultAsync(a => a.Id == applicationId && a.UserId == userId, cancellationToken);
        if (application is null) return new(InterviewOutcome.NotFound);
        if (InterviewInputCheck.Errors(input, now) is { Count: > 0 } errors) return new(InterviewOutcome.Invalid, Errors: errors);
        if (application.State is not (ApplicationStates.Applied or ApplicationStates.Interview))
            return new(InterviewOutcome.NotAllowed, Error: $"An interview is recorded for an application that was sent; this one is {application.State.Replace('_', ' ')}.");

        var interview = new Interview
        {
            Id = Guid.CreateVersion7(now), UserId = userId, ApplicationId = applicationId,
            Source = InterviewSources.IsKnown(source) ? source : InterviewSources.Manual, Status = InterviewStatuses.Scheduled,
            CreatedAt = now.UtcDateTime,
        };
        Apply(interview, input, now);
        db.Add(interview);
        var (title, company) = await PostingOfAsync(application.PostingId, cancellationToken);
        var view = InterviewView.Of(interview, title, company);
        if (application.State == ApplicationStates.Applied)
        {
            // An invitation read from the inbox moves it on the inbox's behalf; a form or the API on the candidate's.
            var actor = interview.Source == InterviewSources.Email ? ApplicationActor.Agent(InboxAgentName) : ApplicationActor.Candidate(userId);
            application.Move(ApplicationStates.Interview, actor, $"Interview on {view.When}.", now);
            events.Publish(EventTypes.StatusChanged, userId, new { applicationId, postingId = application.PostingId, state = ApplicationStates.Interview });
        }
        var notice = notifications.Stage(userId, NotificationTypes.Interview, $"Interview scheduled: {title} at {company}", Summary(view));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new(InterviewOutcome.Conflict, Error: "The application changed at the same time; load it again.");
        }
        await notifications.PublishAsync(notice, cancellationToken);
        await EmailAsync(notice, view, cancellationToken);
        return new(InterviewOutcome.Done, view);
    }

    /// <summary>Changes time, place or notes; a new time clears the sent reminders so they go out again for it.</summary>
    public async Task<InterviewResult> UpdateAsync(string userId, Guid interviewId, InterviewInput input, int? expectedRevision, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var now = clock.GetUtcNow();
        var interview = await db.Set<Interview>().FirstOrDefaultAsync(i => i.Id == interviewId && i.UserId == userId, cancellationToken);
        if (interview is null) return new(InterviewOutcome.NotFound);
        if (InterviewInputCheck.Errors(input, now) is { Count: > 0 } errors) return new(InterviewOutcome.Invalid, Errors: errors);
        if (expectedRevision is { } revision && revision != interview.Revision)
            return new(InterviewOutcome.Conflict, await ViewAsync(interview, cancellationToken), Error: "The interview changed since you loaded it.");
        if (interview.Status == InterviewStatuses.Cancelled) return new(InterviewOutcome.NotAllowed, Error: "A cancelled interview cannot be edited; schedule a new one.");
        Apply(interview, input, now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new(InterviewOutcome.Conflict, Error: "Someone changed the interview at the same time.");
        }
        return new(InterviewOutcome.Done, await ViewAsync(interview, cancellationToken));
    }

    public async Task<InterviewResult> CancelAsync(string userId, Guid interviewId, CancellationToken cancellationToken)
    {
        var interview = await db.Set<Interview>().FirstOrDefaultAsync(i => i.Id == interviewId && i.UserId == userId, cancellationToken);
        if (interview is null) return new(InterviewOutcome.NotFound);
        if (interview.Status != InterviewStatuses.Cancelled)
        {
            interview.Status = InterviewStatuses.Cancelled;
            interview.Revision++;
            interview.UpdatedAt = clock.GetUtcNow().UtcDateTime;
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                return new(InterviewOutcome.Conflict, Error: "Someone changed the interview at the same time.");
            }
        }
        return new(InterviewOutcome.Done, await ViewAsync(interview, cancellationToken));
    }

    public async Task<InterviewView?> GetAsync(string userId, Guid interviewId, CancellationToken cancellationToken) =>
        (await QueryAsync(userId, q => q.Where(i => i.Id == interviewId), 1, cancellationToken)) is [var first, ..] ? first : null;

    /// <summary>Scheduled interviews that have not ended yet, soonest first (the dashboard's and page's list).</summary>
    public async Task<IReadOnlyList<InterviewView>> UpcomingAsync(string userId, int take, CancellationToken cancellationToken)
    {
        // An interview stays "upcoming" until it could have ended: the longest allowed one is a day.
        var from = clock.GetUtcNow().UtcDateTime.AddDays(-1);
        var rows = await QueryAsync(userId, q => q.Where(i => i.Status == InterviewStatuses.Scheduled && i.StartsAt >= from), 200, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        return [.. rows.Where(i => i.StartsAt.AddMinutes(i.DurationMinutes) > now).Take(Math.Clamp(take, 1, 100))];
    }

    public Task<IReadOnlyList<InterviewView>> ForApplicationAsync(string userId, Guid applicationId, CancellationToken cancellationToken) =>
        QueryAsync(userId, q => q.Where(i => i.ApplicationId == applicationId), 50, cancellationToken);

    /// <summary>The calendar file of one of the candidate's interviews; null when it is not theirs.</summary>
    public async Task<(string FileName, string Content)?> CalendarAsync(string userId, Guid interviewId, CancellationToken cancellationToken) =>
        await GetAsync(userId, interviewId, cancellationToken) is { } view
            ? (InterviewCalendar.FileName(view), InterviewCalendar.Build(view, clock.GetUtcNow()))
            : null;

    /// <summary>The candidate's own time zone: what a new interview's form starts with.</summary>
    public async Task<string> CandidateZoneAsync(string userId, CancellationToken cancellationToken) =>
        TimeZones.FindOrUtc(await db.Set<Accounts.JobsmithUser>().AsNoTracking().Where(u => u.Id == userId).Select(u => u.TimeZone).FirstOrDefaultAsync(cancellationToken)).Id;

    internal static string Summary(InterviewView view) =>
        string.Join(" · ", new[] { view.When, view.Location, view.MeetingUrl }.Where(s => !string.IsNullOrWhiteSpace(s)));

    private async Task EmailAsync(Notification notice, InterviewView view, CancellationToken cancellationToken)
    {
        var body = $"{notice.Title}\n\nWhen: {view.When}\n"
                   + (view.Location is { } place ? $"Where: {place}\n" : "")
                   + (view.MeetingUrl is { } url ? $"Join: {url}\n" : "")
                   + "\nThe attached calendar file adds it to your calendar. Jobsmith reminds you the day before and an hour before.\n";
        var ics = System.Text.Encoding.UTF8.GetBytes(InterviewCalendar.Build(view, clock.GetUtcNow()));
        await emails.SendAsync(notice, body, [new EmailAttachment(InterviewCalendar.FileName(view), InterviewCalendar.ContentType, ics)], cancellationToken);
        await texts.SendAsync(notice, cancellationToken);
    }

    private static void Apply(Interview interview, InterviewInput input, DateTimeOffset now)
    {
        var zone = TimeZones.Find(input.TimeZone)!;
        var startsAt = TimeZones.ToUtc(input.LocalStart, zone);
        if (startsAt != interview.StartsAt)
        {
            interview.DayBeforeSentAt = null;
            interview.HourBeforeSentAt = null;
        }
        interview.StartsAt = startsAt;
        interview.TimeZone = zone.Id;
        interview.DurationMinutes = input.DurationMinutes;
        interview.Location = InterviewInputCheck.Clean(input.Location);
        interview.MeetingUrl = InterviewInputCheck.Clean(input.MeetingUrl);
        interview.Notes = InterviewInputCheck.Clean(input.Notes);
        interview.UpdatedAt = now.UtcDateTime;
        interview.Revision++;
    }

    private async Task<(string Title, string Company)> PostingOfAsync(Guid postingId, CancellationToken cancellationToken)
    {
        var posting = await db.Set<StoredPosting>().AsNoTracking().Where(p => p.Id == postingId).Select(p => new { p.Title, p.Company }).FirstAsync(cancellationToken);
        return (posting.Title, posting.Company);
    }

    private async Task<InterviewView> ViewAsync(Interview interview, CancellationToken cancellationToken)
    {
        var applicationPosting = await db.Set<JobApplication>().AsNoTracking().Where(a => a.Id == interview.ApplicationId).Select(a => a.PostingId).FirstAsync(cancellationToken);
        var (title, company) = await PostingOfAsync(applicationPosting, cancellationToken);
        return InterviewView.Of(interview, title, company);
    }

    private async Task<IReadOnlyList<InterviewView>> QueryAsync(string userId, Func<IQueryable<Interview>, IQueryable<Interview>> filter, int take, CancellationToken cancellationToken)
    {
        var rows = await (from i in filter(db.Set<Interview>().AsNoTracking().Where(i => i.UserId == userId))
                          join a in db.Set<JobApplication>() on i.ApplicationId equals a.Id
                          join p in db.Set<StoredPosting>() on a.PostingId equals p.Id
                          orderby i.StartsAt
                          select new { Interview = i, p.Title, p.Company }).Take(take).ToListAsync(cancellationToken);
        return [.. rows.Select(r => InterviewView.Of(r.Interview, r.Title, r.Company))];
    }
}
