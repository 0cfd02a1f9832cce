using Jobsmith.Core.Applications;
using Jobsmith.Core.Data;
using Jobsmith.Core.Jobs.Store;
using Jobsmith.Core.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Jobsmith.Core.HumanAgents;

/// <summary>An assignment in the admin's list: the card plus who holds it.</summary>
public sealed record AdminAssignment(AssignmentCard Card, string AgentUserId, string AgentEmail, string AssignedBy);

/// <summary>What an admin may change about an agent; null leaves a field as it is.</summary>
public sealed record AgentChange(bool? Available, int? MaxAssignments, IReadOnlyList<string>? Expertise);

/// <summary>An escalated application that no agent holds: the router found nobody, or the agent gave it back.</summary>
public sealed record UnassignedEscalation(Guid ApplicationId, string Company, string Title, string? Reason, DateTime EscalatedAt);

public enum AdminAssignStatus { Assigned, NotFound, NotAnAgent, NotEscalated, Conflict }

public sealed record AdminAssignResult(AdminAssignStatus Status, AssignmentCard? Assignment = null, string? Error = null);

/// <summary>
/// The admin's side of F5 and I1: every agent with availability, capacity, expertise and open count; every
/// assignment; assigning an escalated application by hand (or moving an unclaimed one to someone else); changing an
/// agent's availability, capacity and expertise.
/// </summary>
public sealed class HumanAgentAdmin(AppDbContext db, HumanAgentRoster roster, NotificationCenter notifications, TimeProvider clock)
{
    public const int PageSize = 100;

    public Task<IReadOnlyList<AgentLoad>> AgentsAsync(CancellationToken cancellationToken) => roster.LoadAsync(cancellationToken);

    /// <summary>Assignments, open ones first and then newest first, optionally of one status.</summary>
    public async Task<IReadOnlyList<AdminAssignment>> AssignmentsAsync(string? status, int page, CancellationToken cancellationToken)
    {
        var query = db.Set<Assignment>().AsQueryable();
        if (!string.IsNullOrEmpty(status)) query = query.Where(a => a.Status == status);
        var ids = await query.OrderBy(a => a.FinishedAt != null).ThenByDescending(a => a.AssignedAt).ThenBy(a => a.Id)
            .Skip(Math.Max(0, page - 1) * PageSize).Take(PageSize).Select(a => new { a.Id, a.AgentUserId, a.AssignedBy }).ToListAsync(cancellationToken);
        var idList = ids.Select(i => i.Id).ToList();
        var cards = (await AssignmentCards.ReadAsync(db, db.Set<Assignment>().Where(a => idList.Contains(a.Id)), cancellationToken)).ToDictionary(c => c.Id);
        var agentIds = ids.Select(i => i.AgentUserId).Distinct().ToList();
        var emails = await db.Set<Accounts.JobsmithUser>().AsNoTracking().Where(u => agentIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Email ?? "", cancellationToken);
        return [.. ids.Where(i => cards.ContainsKey(i.Id)).Select(i => new AdminAssignment(cards[i.Id], i.AgentUserId, emails.GetValueOrDefault(i.AgentUserId, ""), i.AssignedBy))];
    }

    /// <summary>Escalated applications without an open assignment, oldest first, for assigning by hand.</summary>
    public async Task<IReadOnlyList<UnassignedEscalation>> UnassignedAsync(CancellationToken cancellationToken) =>
        await (from application in db.Set<JobApplication>().AsNoTracking()
               where application.State == ApplicationStates.Escalated
                     && !db.Set<Assignment>().Any(a => a.ApplicationId == application.Id && (a.Status == AssignmentStatus.Assigned || a.Status == AssignmentStatus.Claimed))
               join posting in db.Set<StoredPosting>() on application.PostingId equals posting.Id
               orderby application.UpdatedAt
               select new UnassignedEscalation(application.Id, posting.Company, posting.Title, application.StateReason, application.UpdatedAt))
            .Take(PageSize).ToListAsync(cancellationToken);

    /// <summary>Changes an agent's profile; null when the user is not a human agent, the reason when a value is out of range.</summary>
    public async Task<(AgentLoad? Agent, string? Error)> UpdateAgentAsync(string userId, AgentChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (change.MaxAssignments is < 0 or > HumanAgentProfile.MaxMaxAssignments)
            return (null, $"Capacity is between 0 and {HumanAgentProfile.MaxMaxAssignments} assignments.");
        var (tags, tagError) = ExpertiseTags.Normalize(change.Expertise);
        if (tagError is not null) return (null, tagError);
        // The roster creates the profile of a new agent; anyone else is not found.
        if ((await roster.LoadAsync(cancellationToken)).All(a => a.UserId != userId)) return (null, null);
        var profile = await db.Set<HumanAgentProfile>().FirstAsync(p => p.UserId == userId, cancellationToken);
        if (change.Available is { } available) profile.Available = available;
        if (change.MaxAssignments is { } max) profile.MaxAssignments = max;
        if (change.Expertise is not null) profile.Expertise = string.Join(' ', tags!);
        profile.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        profile.Revision++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return (null, "The agent was assigned work or changed at the same moment; try again.");
        }
        return ((await roster.LoadAsync(cancellationToken)).First(a => a.UserId == userId), null);
    }

    /// <summary>
    /// Gives an escalated application to an agent by hand, whatever their capacity (the admin decides). An open,
    /// unclaimed assignment moves to the new agent; one already claimed stays with its agent.
    /// </summary>
    public async Task<AdminAssignResult> AssignAsync(Guid applicationId, string agentUserId, string adminId, CancellationToken cancellationToken)
    {
        var application = await db.Set<JobApplication>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == applicationId, cancellationToken);
        if (application is null) return new(AdminAssignStatus.NotFound, Error: "There is no such application.");
        if (!await roster.IsAgentAsync(agentUserId, cancellationToken)) return new(AdminAssignStatus.NotAnAgent, Error: "That user is not a human agent.");
        if (application.State != ApplicationStates.Escalated)
            return new(AdminAssignStatus.NotEscalated, Error: $"Only an escalated application is assigned; this one is {application.State.Replace('_', ' ')}.");
        await roster.LoadAsync(cancellationToken); // creates the agent's profile if this is their first assignment

        var now = clock.GetUtcNow();
        var open = await db.Set<Assignment>().Open().FirstOrDefaultAsync(a => a.ApplicationId == applicationId, cancellationToken);
        Assignment assignment;
        if (open is not null)
        {
            if (open.Status == AssignmentStatus.Claimed)
                return new(AdminAssignStatus.Conflict, Error: "The agent holding it has claimed it already; they can return it.");
            open.AgentUserId = agentUserId;
            open.AssignedBy = adminId;
            open.AssignedAt = now.UtcDateTime;
            open.Revision++;
            assignment = open;
        }
        else
        {
            var previous = await db.Set<Assignment>().AsNoTracking().Where(a => a.ApplicationId == applicationId)
                .OrderByDescending(a => a.AssignedAt).Select(a => new { a.Reason, a.ReasonText, a.ScreenshotPath }).FirstOrDefaultAsync(cancellationToken);
            var record = await db.Set<SendRecord>().AsNoTracking().FirstOrDefaultAsync(s => s.ApplicationId == applicationId, cancellationToken);
            db.Add(assignment = new Assignment
            {
                Id = Guid.CreateVersion7(now), ApplicationId = applicationId, AgentUserId = agentUserId, CandidateUserId = application.UserId,
                Reason = previous?.Reason ?? ExpertiseTags.ReasonOf(null, application.StateReason, SendVerdicts.NeedsChecking(record)),
                ReasonText = application.StateReason ?? previous?.ReasonText, ScreenshotPath = previous?.ScreenshotPath,
                AssignedBy = adminId, AssignedAt = now.UtcDateTime,
            });
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is DbUpdateConcurrencyException || UniqueViolation.IsRace(ex))
        {
            db.ChangeTracker.Clear();
            return new(AdminAssignStatus.Conflict, Error: "Someone else assigned or claimed it at the same moment; reload and try again.");
        }
        var posting = await db.Set<StoredPosting>().AsNoTracking().Where(p => p.Id == application.PostingId).Select(p => new { p.Title, p.Company }).FirstAsync(cancellationToken);
        await notifications.NotifyAsync(agentUserId, "assignment", $"New assignment: {posting.Title} at {posting.Company}",
            $"An admin assigned it to you ({ExpertiseTags.Describe(assignment.Reason)}). Claim it in your work queue.", cancellationToken);
        var card = (await AssignmentCards.ReadAsync(db, db.Set<Assignment>().Where(a => a.Id == assignment.Id), cancellationToken)).Single();
        return new(AdminAssignStatus.Assigned, card);
    }
}
