using Jobsmith.Core.Agents;
using Jobsmith.Core.Applications;
using Jobsmith.Core.Data;
using Jobsmith.Core.Interviews;
using Jobsmith.Core.Jobs.Store;
using Jobsmith.Core.Matching.Store;
using Jobsmith.Core.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Jobsmith.Core.Inbox;

/// <summary>
/// What a kept reply does (G2): the application moves (interview, offer, rejected) through
/// <see cref="ApplicationService"/>, the outcome becomes match feedback (an interview or offer a thumbs up, a
/// rejection a thumbs down) unless the candidate rated the posting themselves, the candidate is notified (interview and
/// offer also by email and SMS), and
/// <see cref="EventTypes.ReplyReceived"/> is published. The row is marked done last, so an import that died half way
/// is finished by the next import of the same message, and one that finished is never applied twice.
/// </summary>
public sealed class ReplyEffects(AppDbContext db, ApplicationService applications, FeedbackService feedback, NotificationCenter notifications,
    NotificationEmails emails, NotificationTexts texts, InterviewService interviews, EventPublisher events, TimeProvider clock)
{
    public const string AgentName = "inbox";

    /// <summary>Feedback comments this feature writes start so; a comment that does not is the candidate's own rating, which stands.</summary>
    public const string FeedbackPrefix = "Employer reply:";

    public async Task ApplyAsync(Guid emailId, CancellationToken cancellationToken)
    {
        var email = await db.Set<InboundEmail>().AsNoTracking().FirstAsync(e => e.Id == emailId, cancellationToken);
        if (email.EffectsAppliedAt is not null) return;
        var target = email.Category switch
        {
            ReplyCategories.Rejection => ApplicationStates.Rejected,
            ReplyCategories.Interview => ApplicationStates.Interview,
            ReplyCategories.Offer => ApplicationStates.Offer,
            _ => null,
        };
        var application = email.ApplicationId is { } id
            ? await (from a in db.Set<JobApplication>().AsNoTracking()
                     where a.Id == id && a.UserId == email.UserId
                     join p in db.Set<StoredPosting>().AsNoTracking() on a.PostingId equals p.Id
                     select new { a.Id, a.State, a.PostingId, p.Title, p.Company }).FirstOrDefaultAsync(cancellationToken)
            : null;

        string outcome;
        if (application is null) outcome = "Not matched to an application.";
        else if (target is null) outcome = "Kept with the application.";
        else if (application.State == target && target != ApplicationStates.Interview) outcome = $"The application was already {Words(target)}.";
        else if (!ApplicationStates.CanMove(application.State, target))
            outcome = $"Kept; an application that is {Words(application.State)} cannot become {Words(target)}.";
        else
        {
            var move = await applications.MoveAsync(email.UserId, application.Id, target, ApplicationActor.Agent(AgentName),
                $"Employer reply: {email.Subject}".Truncate(JobApplication.MaxDetails), null, cancellationToken);
            outcome = move.Status == ApplicationMoveStatus.Moved ? $"Moved the application to {Words(target)}." : $"Not moved: {move.Error}";
        }
        if (application is not null && email.Category is ReplyCategories.Interview or ReplyCategories.Offer or ReplyCategories.Rejection)
            await RecordFeedbackAsync(email, application.PostingId, cancellationToken);
        var scheduled = application is not null && email.Category == ReplyCategories.Interview
            ? await ScheduleFromInvitationAsync(email, application.Id, cancellationToken)
            : null;
        if (scheduled is not null) outcome = $"{outcome} {scheduled}";

        db.ChangeTracker.Clear();
        var row = await db.Set<InboundEmail>().FirstAsync(e => e.Id == emailId, cancellationToken);
        row.Outcome = outcome.Truncate(500);
        row.EffectsAppliedAt = clock.GetUtcNow().UtcDateTime;
        var notice = Notice(email, application?.Title, application?.Company);
        var staged = notice is { } n ? notifications.Stage(email.UserId, n.Type, n.Title.Truncate(300, ellipsis: true), n.Body.Truncate(4000, ellipsis: true)) : null;
        events.Publish(EventTypes.ReplyReceived, email.UserId,
            new { emailId, applicationId = email.ApplicationId, category = email.Category, matchedBy = email.MatchedBy, classifiedBy = email.ClassifiedBy });
        await db.SaveChangesAsync(cancellationToken);
        if (staged is null) return;
        await notifications.PublishAsync(staged, cancellationToken);
        // A scheduled interview already went out by email (with its calendar file) and SMS.
        if (scheduled is not null) return;
        // Interview and offer news goes out at once by email and SMS as well, as the candidate's preferences allow
        // (G3); the other kinds are in-app only (their types have no email or SMS choice). Sent after the commit:
        // a crash in between loses the text, never sends it twice.
        await emails.SendAsync(staged, EmailBody(email, staged), null, cancellationToken);
        await texts.SendAsync(staged, cancellationToken);
    }

    private static string EmailBody(InboundEmail email, Notification notice) =>
        $"{notice.Title}\n\n{notice.Body}\n\nThe email is kept with the application in Jobsmith"
        + (email.Category == ReplyCategories.Interview ? "; add the interview's time there and Jobsmith reminds you the day before and an hour before.\n" : ".\n");

    /// <summary>
    /// An invitation that names a date and time schedules the interview (G5) in the zone it names, else the
    /// candidate's; it stays editable on the application page. An invitation without a time, or for a time already
    /// past, only moves the application. A re-run of the same email finds the interview it made and adds none.
    /// Returns what was done for the email's outcome line, or null when nothing was scheduled.
    /// </summary>
    private async Task<string?> ScheduleFromInvitationAsync(InboundEmail email, Guid applicationId, CancellationToken cancellationToken)
    {
        var parsed = InvitationParser.Parse($"{email.Subject}\n{email.BodyText}", new DateTimeOffset(email.SentAt ?? email.ReceivedAt, TimeSpan.Zero));
        if (parsed.LocalStart is not { } start) return null;
        var zone = parsed.TimeZone ?? await interviews.CandidateZoneAsync(email.UserId, cancellationToken);
        var startsAt = TimeZones.ToUtc(start, TimeZones.FindOrUtc(zone));
        if (await db.Set<Interview>().AsNoTracking().AnyAsync(i => i.ApplicationId == applicationId && i.Source == InterviewSources.Email && i.StartsAt == startsAt, cancellationToken))
            return null;
        var input = new InterviewInput(start, zone, parsed.DurationMinutes ?? 60, parsed.Location.Truncate(Interview.MaxLocation), parsed.MeetingUrl, $"From the email \"{email.Subject}\".".Truncate(500));
        var result = await interviews.ScheduleAsync(email.UserId, applicationId, input, InterviewSources.Email, cancellationToken);
        db.ChangeTracker.Clear();
        return result.Outcome == InterviewOutcome.Done && result.Interview is { } view ? $"Scheduled the interview for {view.When}." : null;
    }

    private async Task RecordFeedbackAsync(InboundEmail email, Guid postingId, CancellationToken cancellationToken)
    {
        var existing = await db.Set<MatchFeedback>().AsNoTracking()
            .FirstOrDefaultAsync(f => f.UserId == email.UserId && f.PostingId == postingId, cancellationToken);
        if (existing is not null && existing.Comment?.StartsWith(FeedbackPrefix, StringComparison.Ordinal) != true) return;
        var positive = email.Category != ReplyCategories.Rejection;
        await feedback.GiveAsync(email.UserId, postingId, positive, positive ? FeedbackReasons.GoodMatch : FeedbackReasons.Other,
            $"{FeedbackPrefix} {email.Category}.", cancellationToken);
    }

    private static (string Type, string Title, string Body)? Notice(InboundEmail email, string? title, string? company)
    {
        var job = title is null ? null : $"{title} at {company}";
        var sender = email.FromName ?? email.FromAddress;
        var body = $"{sender} wrote: \"{email.Subject}\".";
        return (email.Category, job) switch
        {
            (ReplyCategories.Interview, { } j) => ("interview", $"Interview invitation: {j}", body),
            (ReplyCategories.Offer, { } j) => ("offer", $"Offer: {j}", body),
            (ReplyCategories.Rejection, { } j) => ("rejection", $"{j}: not moving forward", body),
            (ReplyCategories.Confirmation, { } j) => ("reply", $"{company} confirmed your application for {title}", body),
            (_, { } j) => ("reply", $"New email about {j}", body),
            (ReplyCategories.Other, null) => null,
            (_, null) => ("reply", $"A reply that looks like {Article(email.Category)} {email.Category}",
                $"{body} Jobsmith could not tell which application it answers; open your inbox to file it."),
        };
    }

    private static string Article(string category) => category is ReplyCategories.Interview or ReplyCategories.Offer ? "an" : "a";

    private static string Words(string state) => state.Replace('_', ' ');
}
