using Jobsmith.Core.Agents;
using Jobsmith.Core.Data;
using Jobsmith.Core.Jobs.Store;
using Jobsmith.Core.Applications.Submission;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jobsmith.Core.Applications;

public enum SendDecision { Go, NotFound, NotQueued, InFlight, NeedsChecking, Suppressed, AlreadySent, Conflict }

/// <summary>What a channel may do: send (with this key) only on <see cref="SendDecision.Go"/>.</summary>
public sealed record SendPermit(SendDecision Decision, string? IdempotencyKey = null, string? Reason = null);

/// <summary>
/// Never twice (F6, F8), in front of every channel: <see cref="BeginAsync"/> checks the suppression list, records the
/// send and moves the application to submitting in one commit before anything leaves; <see cref="CompleteAsync"/>
/// records what happened. A send found started after its lease (the worker died between the send and its
/// bookkeeping) is never retried blindly: it becomes "needs checking" for a person.
/// </summary>
public sealed class SendGuard(AppDbContext db, EventPublisher events, TimeProvider clock, IOptions<SubmissionOptions> options)
{
    private TimeSpan Lease => TimeSpan.FromSeconds(Math.Max(1, options.Value.SendLeaseSeconds));
    private static readonly ApplicationActor Guard = ApplicationActor.Agent("send-guard");

    /// <summary>The key a channel passes along with the send; the same for every attempt of one application.</summary>
    public static string KeyFor(Guid applicationId) => $"jobsmith-{applicationId:N}";

    public async Task<SendPermit> BeginAsync(string userId, Guid applicationId, string channel, string? targetAddress, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(channel);
        var now = clock.GetUtcNow();
        var application = await db.Set<JobApplication>().FirstOrDefaultAsync(a => a.UserId == userId && a.Id == applicationId, cancellationToken);
        if (application is null) return new(SendDecision.NotFound);
        var record = await db.Set<SendRecord>().FirstOrDefaultAsync(s => s.ApplicationId == applicationId, cancellationToken);

        switch (record?.Status)
        {
            case SendStatus.Sent:
                return new(SendDecision.AlreadySent, record.IdempotencyKey, "It was sent already.");
            case SendStatus.Unknown:
                return new(SendDecision.NeedsChecking, record.IdempotencyKey, record.Details);
            case SendStatus.Started when now.UtcDateTime < record.LeaseUntil:
                return new(SendDecision.InFlight, record.IdempotencyKey, "Another worker is sending it now.");
            case SendStatus.Started:
                var reason = $"Needs checking: a send through {record.Channel} began at {record.StartedAt:u} and was interrupted; it may have gone out.";
                record.Status = SendStatus.Unknown;
                record.Details = reason;
                record.Revision++;
                if (ApplicationStates.CanMove(application.State, ApplicationStates.Escalated)) Escalate(application, reason, now);
                return await SaveAsync(new(SendDecision.NeedsChecking, record.IdempotencyKey, reason), cancellationToken);
        }

        if (application.State != ApplicationStates.Queued)
            return new(SendDecision.NotQueued, Reason: $"Only a queued application is sent; this one is {application.State.Replace('_', ' ')}.");
        if (await SuppressedByAsync(userId, application.PostingId, targetAddress, cancellationToken) is { } rule)
        {
            var why = $"On your do-not-contact list ({rule}); nothing was sent.";
            application.Move(ApplicationStates.Withdrawn, Guard, why, now);
            events.Publish(EventTypes.StatusChanged, userId, new { applicationId, state = application.State });
            return await SaveAsync(new(SendDecision.Suppressed, Reason: why), cancellationToken);
        }

        if (record is null)
            db.Add(record = new SendRecord { Id = Guid.CreateVersion7(now), ApplicationId = applicationId, IdempotencyKey = KeyFor(applicationId) });
        else record.Revision++;
        record.Channel = channel;
        record.Status = SendStatus.Started;
        record.Attempts++;
        record.StartedAt = now.UtcDateTime;
        record.LeaseUntil = (now + Lease).UtcDateTime;
        record.FinishedAt = null;
        record.Details = null;
        application.Move(ApplicationStates.Submitting, Guard, $"Sending through {channel} (attempt {record.Attempts}).", now);
        events.Publish(EventTypes.StatusChanged, userId, new { applicationId, state = application.State });
        return await SaveAsync(new(SendDecision.Go, record.IdempotencyKey), cancellationToken);
    }

    /// <summary>
    /// Records the outcome of a send that <see cref="BeginAsync"/> allowed: sent, not sent, or unknown. A not-sent
    /// outcome with an <paramref name="escalation"/> reason (a CAPTCHA, a question nobody can answer) goes to a person
    /// instead of failing: nothing left, so the record is not-sent and a later try is safe.
    /// </summary>
    public async Task<ApplicationView?> CompleteAsync(string userId, Guid applicationId, string outcome, string? details, CancellationToken cancellationToken,
        string? escalation = null)
    {
        var now = clock.GetUtcNow();
        var application = await db.Set<JobApplication>().FirstOrDefaultAsync(a => a.UserId == userId && a.Id == applicationId, cancellationToken);
        var record = await db.Set<SendRecord>().FirstOrDefaultAsync(s => s.ApplicationId == applicationId, cancellationToken);
        if (application is null || record is null) return null;
        if (record.Status != SendStatus.Started || application.State != ApplicationStates.Submitting)
            throw new IllegalTransitionException($"There is no send in progress for this application (it is {application.State.Replace('_', ' ')}).");

        record.Status = outcome;
        record.FinishedAt = now.UtcDateTime;
        record.Details = TextTruncation.Truncate(details, JobApplication.MaxDetails);
        record.Revision++;
        switch (outcome)
        {
            case SendStatus.Sent:
                application.Move(ApplicationStates.Applied, Guard, details ?? $"Sent through {record.Channel}.", now);
                events.Publish(EventTypes.Submitted, userId, new { applicationId, channel = record.Channel, key = record.IdempotencyKey });
                break;
            case SendStatus.NotSent when escalation is not null:
                Escalate(application, details ?? $"{record.Channel} stopped for a person: {escalation.Replace('_', ' ')}.", now, escalation);
                break;
            case SendStatus.NotSent:
                application.Move(ApplicationStates.Failed, Guard, details ?? $"{record.Channel} refused it before sending.", now);
                break;
            case SendStatus.Unknown:
                Escalate(application, $"Needs checking: {details ?? $"{record.Channel} could not tell whether it was sent."}", now);
                break;
            default:
                throw new ArgumentException($"\"{outcome}\" is not a send outcome.", nameof(outcome));
        }
        events.Publish(EventTypes.StatusChanged, userId, new { applicationId, state = application.State });
        await db.SaveChangesAsync(cancellationToken);
        return ApplicationView.Of(application);
    }

    private void Escalate(JobApplication application, string reason, DateTimeOffset now, string kind = EscalationReasons.NeedsChecking)
    {
        application.Move(ApplicationStates.Escalated, Guard, reason, now);
        events.Publish(EventTypes.Escalated, application.UserId, new { applicationId = application.Id, reason, code = kind });
    }

    private async Task<SendPermit> SaveAsync(SendPermit permit, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return permit;
        }
        catch (Exception ex) when (ex is DbUpdateConcurrencyException || UniqueViolation.IsRace(ex))
        {
            // Another worker moved the application or began the same send first; it owns the send.
            db.ChangeTracker.Clear();
            return new(SendDecision.Conflict, Reason: "Another worker took this send.");
        }
    }

    private async Task<string?> SuppressedByAsync(string userId, Guid postingId, string? targetAddress, CancellationToken cancellationToken)
    {
        var rules = await db.Set<SuppressionEntry>().AsNoTracking().Where(s => s.UserId == userId).ToListAsync(cancellationToken);
        if (rules.Count == 0) return null;
        var posting = await db.Set<StoredPosting>().AsNoTracking().Where(p => p.Id == postingId)
            .Select(p => new { p.Company, p.ApplyUrl, p.CanonicalUrl }).FirstAsync(cancellationToken);
        var company = Suppressions.Normalize(SuppressionKinds.Company, posting.Company);
        var address = targetAddress is null ? null : Suppressions.Normalize(SuppressionKinds.Email, targetAddress);
        var domains = new[] { Suppressions.HostOf(posting.ApplyUrl), Suppressions.HostOf(posting.CanonicalUrl), address?.Split('@').LastOrDefault() }
            .OfType<string>().ToList();
        return rules.FirstOrDefault(r => r.Kind switch
        {
            SuppressionKinds.Company => r.Value == company,
            SuppressionKinds.Email => r.Value == address,
            SuppressionKinds.Domain => domains.Any(d => d == r.Value || d.EndsWith("." + r.Value, StringComparison.Ordinal)),
            _ => false,
        }) is { } hit ? $"{hit.Kind} {hit.Value}" : null;
    }
}
