using Jobsmith.Core.Agents;
using Jobsmith.Core.Applications;
using Jobsmith.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Jobsmith.Core.Orchestration;

/// <summary>A candidate's agent as the API and the dashboard show it (K3).</summary>
public sealed record CandidateAgentView(string State, int MinScore, int DraftsPerDay, int DraftedToday, DateTime? ChangedAt, int Revision);

/// <summary>What a candidate may change besides the state: how good a match must be to be drafted, and how many a day.</summary>
public sealed record CandidateAgentSettings(int? MinScore, int? DraftsPerDay);

public enum AgentChangeStatus { Done, Invalid, Conflict }

public sealed record AgentChange(AgentChangeStatus Status, CandidateAgentView View, Dictionary<string, string[]>? Errors = null);

/// <summary>
/// Starts, pauses and stops a candidate's job-search agent (K3), and reports where it is. Starting or resuming
/// publishes <see cref="EventTypes.AgentStarted"/>, so the matcher catches up at once instead of waiting for the
/// next batch of postings. Each candidate sees and changes only their own.
/// </summary>
public sealed class CandidateAgents(AppDbContext db, EventPublisher events, TimeProvider clock)
{
    public const int LowestMinScore = 30;

    public async Task<CandidateAgentView> GetAsync(string userId, CancellationToken cancellationToken)
    {
        var agent = await db.Set<CandidateAgent>().AsNoTracking().FirstOrDefaultAsync(a => a.UserId == userId, cancellationToken);
        return await ViewAsync(agent ?? new CandidateAgent { UserId = userId }, agent is not null, cancellationToken);
    }

    /// <summary>Moves the agent to <paramref name="state"/> (one of <see cref="CandidateAgentStates"/>), with new settings when given.</summary>
    public async Task<AgentChange> ChangeAsync(string userId, string state, CandidateAgentSettings? settings, CancellationToken cancellationToken)
    {
        var errors = Validate(settings);
        if (errors.Count > 0) return new(AgentChangeStatus.Invalid, await GetAsync(userId, cancellationToken), errors);
        var agent = await db.Set<CandidateAgent>().FirstOrDefaultAsync(a => a.UserId == userId, cancellationToken);
        var isNew = agent is null;
        agent ??= db.Set<CandidateAgent>().Add(new CandidateAgent { UserId = userId }).Entity;
        var wasRunning = agent.State == CandidateAgentStates.Running;
        agent.State = state;
        agent.MinScore = settings?.MinScore ?? agent.MinScore;
        agent.DraftsPerDay = settings?.DraftsPerDay ?? agent.DraftsPerDay;
        agent.ChangedAt = clock.GetUtcNow().UtcDateTime;
        agent.Revision++;
        // Published in the same unit of work as the change: a crash between the two cannot leave a started agent idle.
        if (state == CandidateAgentStates.Running && !wasRunning) events.Publish(EventTypes.AgentStarted, userId, new { state, agent.MinScore, agent.DraftsPerDay });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception ex) when ((ex is DbUpdateConcurrencyException) || (isNew && ex is DbUpdateException update && UniqueViolation.Is(update)))
        {
            // Another request changed it first (a double-click): theirs stands. Asked for the state it is now in, that is
            // success; otherwise the caller gets the state that won.
            db.ChangeTracker.Clear();
            var current = await GetAsync(userId, cancellationToken);
            return new(current.State == state ? AgentChangeStatus.Done : AgentChangeStatus.Conflict, current);
        }
        return new(AgentChangeStatus.Done, await ViewAsync(agent, true, cancellationToken));
    }

    /// <summary>Problems with the settings, by field; empty when acceptable (absent values keep what is saved).</summary>
    public static Dictionary<string, string[]> Validate(CandidateAgentSettings? settings)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (settings?.MinScore is < LowestMinScore or > 100)
            errors["minScore"] = [$"The lowest match score to draft for must be between {LowestMinScore} and 100."];
        if (settings?.DraftsPerDay is < 1 or > CandidateAgent.MaxDraftsPerDay)
            errors["draftsPerDay"] = [$"The agent may draft 1 to {CandidateAgent.MaxDraftsPerDay} applications a day."];
        return errors;
    }

    /// <summary>The candidates whose agent is running, for the matcher's pass over a new batch of postings.</summary>
    public async Task<IReadOnlyList<string>> RunningUsersAsync(CancellationToken cancellationToken) =>
        await db.Set<CandidateAgent>().Where(a => a.State == CandidateAgentStates.Running).OrderBy(a => a.UserId).Select(a => a.UserId).ToListAsync(cancellationToken);

    public async Task<CandidateAgent?> RunningAsync(string userId, CancellationToken cancellationToken) =>
        await db.Set<CandidateAgent>().AsNoTracking().FirstOrDefaultAsync(a => a.UserId == userId && a.State == CandidateAgentStates.Running, cancellationToken);

    private async Task<CandidateAgentView> ViewAsync(CandidateAgent agent, bool saved, CancellationToken cancellationToken) =>
        new(agent.State, agent.MinScore, agent.DraftsPerDay, await DraftedTodayAsync(agent.UserId, cancellationToken), saved ? agent.ChangedAt : null, agent.Revision);

    /// <summary>Applications the agent started since midnight UTC (its daily cap counts these), from their logs' first entries.</summary>
    public Task<int> DraftedTodayAsync(string userId, CancellationToken cancellationToken)
    {
        var today = clock.GetUtcNow().UtcDateTime.Date;
        return db.Set<ApplicationLogEntry>().CountAsync(l => l.FromState == null && l.ActorKind == ApplicationActor.AgentKind
            && l.ActorId == AgentDrafter.ActorName && l.At >= today
            && db.Set<JobApplication>().Any(a => a.Id == l.ApplicationId && a.UserId == userId), cancellationToken);
    }
}
