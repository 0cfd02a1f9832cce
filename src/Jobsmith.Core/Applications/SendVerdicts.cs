using Jobsmith.Core.Agents;
using Jobsmith.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Jobsmith.Core.Applications;

public static class SendVerdict
{
    public const string Sent = "sent";
    public const string NotSent = "not_sent";

    public static bool IsKnown(string? verdict) => verdict is Sent or NotSent;
}

/// <summary>
/// A person's word on an escalated application's send (F4, F6), beside <see cref="SendGuard"/>, which only machines
/// drive. "It was sent" (they sent it by hand, or checked that an interrupted send went out) marks the send record sent
/// and the application applied, so no channel ever sends it again; "it was not sent" (they checked an interrupted
/// send and it never arrived) marks it not sent and queues the application for another try with the same key.
/// Changes are staged in the caller's unit of work, so they commit with the assignment that records the verdict; the
/// month's usage (F9) is counted with a "sent". A "not sent" leaves the place the interrupted send took: the send that
/// follows re-uses it.
/// </summary>
public sealed class SendVerdicts(AppDbContext db, Plans.UsageMeter usage, EventPublisher events, TimeProvider clock)
{
    /// <summary>The send record of an escalated application, when a send was ever begun.</summary>
    public Task<SendRecord?> RecordOfAsync(Guid applicationId, CancellationToken cancellationToken) =>
        db.Set<SendRecord>().FirstOrDefaultAsync(s => s.ApplicationId == applicationId, cancellationToken);

    /// <summary>True when nobody knows whether something went out: a person must say so before anything else happens.</summary>
    public static bool NeedsChecking(SendRecord? record) => record?.Status is SendStatus.Unknown or SendStatus.Started;

    public async Task RecordAsync(JobApplication application, string verdict, ApplicationActor actor, string channel, string details, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        if (!SendVerdict.IsKnown(verdict)) throw new ArgumentException($"\"{verdict}\" is not a verdict.", nameof(verdict));
        var now = clock.GetUtcNow();
        var record = await RecordOfAsync(application.Id, cancellationToken);
        if (record is null)
        {
            if (verdict == SendVerdict.NotSent) throw new IllegalTransitionException("Nothing was ever sent for this application, so there is nothing to check.");
            // Sent by hand without any earlier attempt: the record still goes in, so every channel sees it was sent.
            db.Add(record = new SendRecord
            {
                Id = Guid.CreateVersion7(now), ApplicationId = application.Id, IdempotencyKey = SendGuard.KeyFor(application.Id),
                Channel = channel, StartedAt = now.UtcDateTime, LeaseUntil = now.UtcDateTime,
            });
        }
        else record.Revision++;
        record.Attempts = Math.Max(record.Attempts, 1);
        record.Status = verdict == SendVerdict.Sent ? SendStatus.Sent : SendStatus.NotSent;
        record.FinishedAt = now.UtcDateTime;
        record.Details = TextTruncation.Truncate(details, JobApplication.MaxDetails);

        if (verdict == SendVerdict.Sent)
        {
            // F9: a send a person made counts like one a channel made (once per application).
            await usage.StageSubmissionAsync(application.UserId, application.Id, cancellationToken);
            application.Move(ApplicationStates.Applied, actor, details, now);
            events.Publish(EventTypes.Submitted, application.UserId, new { applicationId = application.Id, channel = record.Channel, key = record.IdempotencyKey });
        }
        else
        {
            application.Move(ApplicationStates.Queued, actor, details, now);
        }
        events.Publish(EventTypes.StatusChanged, application.UserId, new { applicationId = application.Id, postingId = application.PostingId, state = application.State });
    }
}
