using Jobsmith.Core.Agents;
using Jobsmith.Core.Applications;
using Jobsmith.Core.Applications.Submission;
using Jobsmith.Core.Data;
using Jobsmith.Core.Flags;
using Jobsmith.Core.Jobs.Store;
using Jobsmith.Core.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Jobsmith.Core.HumanAgents;

/// <summary>
/// F4/F5: reacts to an escalation by handing the application to a human agent chosen by <see cref="AssignmentRouting"/>,
/// or, when nobody fits, back to the candidate with a notification saying what is needed. A repeated or racing event
/// for the same application finds the open assignment (the unique index decides a tie) and does nothing more.
/// </summary>
internal sealed class EscalationRouter(AppDbContext db, HumanAgentRoster roster, NotificationCenter notifications,
    ProofFiles files, TimeProvider clock) : IAgent
{
    public const string RouterName = "router";
    private const int Tries = 8;

    public string AgentName => FeatureFlagCatalog.HumanAgents;

    public bool Accepts(string eventType) => eventType == EventTypes.Escalated;

    public async Task<AgentOutcome> HandleAsync(AgentEvent agentEvent, CancellationToken cancellationToken)
    {
        if (EscalationPayload.Parse(agentEvent.PayloadJson) is not { } payload) return new AgentOutcome("no application on the event");
        // The manual channel hands the application to the candidate themselves (assist-only sites): no agent takes it.
        if (payload.Code == Applications.Submission.EscalationReasons.Manual) return new AgentOutcome("skipped: the candidate applies themselves");
        for (var attempt = 1; ; attempt++)
        {
            var application = await db.Set<JobApplication>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == payload.ApplicationId, cancellationToken);
            if (application is null) return new AgentOutcome("skipped: the application is gone");
            if (application.State != ApplicationStates.Escalated) return new AgentOutcome($"skipped: the application is {application.State} now");
            if (await OpenAssignmentAsync(application.Id, cancellationToken) is { } existing) return new AgentOutcome($"already assigned ({existing})");

            var posting = await db.Set<StoredPosting>().AsNoTracking().Where(p => p.Id == application.PostingId)
                .Select(p => new { p.Title, p.Company, p.ApplyUrl }).FirstAsync(cancellationToken);
            var record = await db.Set<SendRecord>().AsNoTracking().FirstOrDefaultAsync(s => s.ApplicationId == application.Id, cancellationToken);
            var reasonText = payload.Reason ?? application.StateReason;
            var reason = ExpertiseTags.ReasonOf(payload.Code, reasonText, SendVerdicts.NeedsChecking(record));
            var family = ExpertiseTags.FamilyOf(posting.ApplyUrl);
            var returnedBy = await db.Set<Assignment>().AsNoTracking()
                .Where(a => a.ApplicationId == application.Id && a.Status == AssignmentStatus.Returned).Select(a => a.AgentUserId).ToListAsync(cancellationToken);

            var agent = AssignmentRouting.Pick(await roster.LoadAsync(cancellationToken), reason, family is null ? [] : [family], returnedBy);
            if (agent is null)
            {
                await notifications.NotifyAsync(application.UserId, "escalation", $"{posting.Title} at {posting.Company} needs you",
                    WhatIsNeeded(reason, reasonText), cancellationToken);
                return new AgentOutcome($"handed back to the candidate: no available human agent for {reason}");
            }

            var now = clock.GetUtcNow();
            var assignment = new Assignment
            {
                Id = Guid.CreateVersion7(now), ApplicationId = application.Id, AgentUserId = agent.UserId, CandidateUserId = application.UserId,
                Reason = reason, ReasonText = TextTruncation.Truncate(reasonText, JobApplication.MaxDetails), AssignedBy = RouterName,
                ScreenshotPath = files.ExistingScreenshot(payload.Screenshot), AssignedAt = now.UtcDateTime,
            };
            // Bumping the profile's revision takes the slot: a routing to the same agent at the same moment conflicts
            // and counts again, so capacity holds exactly.
            var profile = await db.Set<HumanAgentProfile>().FirstAsync(p => p.UserId == agent.UserId, cancellationToken);
            profile.Revision++;
            db.Add(assignment);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (Exception ex) when ((ex is DbUpdateConcurrencyException || UniqueViolation.IsRace(ex)) && attempt < Tries)
            {
                // Forget only what this try staged: the event and its task are tracked by the same context.
                db.Entry(assignment).State = EntityState.Detached;
                db.Entry(profile).State = EntityState.Detached;
                continue;
            }
            await notifications.NotifyAsync(agent.UserId, "assignment", $"New assignment: {posting.Title} at {posting.Company}",
                $"Escalated for {ExpertiseTags.Describe(reason)}. Claim it in your work queue.", cancellationToken);
            return new AgentOutcome($"assigned to {agent.UserId} for {reason}");
        }
    }

    private Task<Guid?> OpenAssignmentAsync(Guid applicationId, CancellationToken cancellationToken) =>
        db.Set<Assignment>().AsNoTracking()
            .Where(a => a.ApplicationId == applicationId && (a.Status == AssignmentStatus.Assigned || a.Status == AssignmentStatus.Claimed))
            .Select(a => (Guid?)a.Id).FirstOrDefaultAsync(cancellationToken);

    /// <summary>Plain words for the candidate: what stopped the application and what they can do about it.</summary>
    internal static string WhatIsNeeded(string reason, string? reasonText)
    {
        var detail = string.IsNullOrWhiteSpace(reasonText) ? "" : $" ({reasonText.Trim().TrimEnd('.')})";
        return reason switch
        {
            EscalationReasons.Captcha => $"The application form shows a CAPTCHA{detail}, which Jobsmith does not solve, and no human agent is free. Open the job and send it yourself with the prepared material.",
            EscalationReasons.LoginWall => $"The employer's site asks you to sign in to an account{detail}. Sign in and apply with the prepared material, or create the account and queue the application again.",
            EscalationReasons.UnknownQuestion => $"The form asks a question your profile and answers do not cover{detail}. Add the answer to your answer bank and queue the application again, or apply yourself.",
            ExpertiseTags.NeedsChecking => $"Jobsmith cannot tell whether your application went out{detail}. Look for a confirmation email or check the employer's site before anything is sent again.",
            _ => $"The application stopped and needs a person{detail}. Open it to send it yourself with the prepared material.",
        };
    }
}
