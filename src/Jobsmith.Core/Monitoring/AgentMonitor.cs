using Jobsmith.Core.Agents;
using Jobsmith.Core.Applications;
using Jobsmith.Core.Data;
using Jobsmith.Core.HumanAgents;
using Microsoft.EntityFrameworkCore;

namespace Jobsmith.Core.Monitoring;

public sealed record AgentTypeHealth(
    string Agent, int Completed, int Failed, double PerHour, double? SuccessRate,
    double? P50Seconds, double? P95Seconds, int DurationSample, int Waiting, int Running);

public sealed record AgentFailure(string Agent, string? Error, DateTime At, string? UserId);

public sealed record EventBacklog(int Pending, DateTime? OldestPendingAt, int Retrying);

public sealed record HumanAgentLoad(int AgentsAvailable, int Assigned, int Claimed, int UnassignedEscalations, int CompletedInWindow, double? MedianHandleMinutes);

public sealed record AgentMonitorView(
    DateTime Since, DateTime Until, IReadOnlyList<AgentTypeHealth> Agents, EventBacklog Events,
    IReadOnlyList<AgentFailure> LastErrors, HumanAgentLoad HumanAgents);

/// <summary>
/// I1: how the agents are doing over a window — throughput, failure rate, duration percentiles, what waits — and
/// how loaded the human agents are. Counts are grouped in the database; percentiles use each agent's newest
/// <see cref="DurationSample"/> finished tasks, read through the (agent, created) index, so the page stays quick
/// with millions of tasks.
/// </summary>
public sealed class AgentMonitor(AppDbContext db, TimeProvider clock)
{
    public const int DurationSample = 2000;
    public const int MaxHours = 24 * 30;

    public async Task<AgentMonitorView> ReadAsync(int hours, CancellationToken cancellationToken)
    {
        var until = clock.GetUtcNow().UtcDateTime;
        var since = until.AddHours(-Math.Clamp(hours, 1, MaxHours));
        var tasks = db.Set<AgentTask>().AsNoTracking();

        var finished = await tasks.Where(t => t.CreatedAt >= since && (t.Status == AgentTaskStatus.Completed || t.Status == AgentTaskStatus.Failed))
            .GroupBy(t => new { t.Agent, t.Status }).Select(g => new { g.Key.Agent, g.Key.Status, Count = g.Count() }).ToListAsync(cancellationToken);
        // Waiting and running tasks count whenever they were made: a task stuck for a week is exactly what to see.
        var open = await tasks.Where(t => t.Status == AgentTaskStatus.Queued || t.Status == AgentTaskStatus.Running)
            .GroupBy(t => new { t.Agent, t.Status }).Select(g => new { g.Key.Agent, g.Key.Status, Count = g.Count() }).ToListAsync(cancellationToken);

        var agents = finished.Select(f => f.Agent).Concat(open.Select(o => o.Agent)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var health = new List<AgentTypeHealth>(agents.Count);
        var windowHours = (until - since).TotalHours;
        foreach (var agent in agents)
        {
            var completed = finished.Where(f => f.Agent == agent && f.Status == AgentTaskStatus.Completed).Sum(f => f.Count);
            var failed = finished.Where(f => f.Agent == agent && f.Status == AgentTaskStatus.Failed).Sum(f => f.Count);
            var durations = await DurationsAsync(agent, since, cancellationToken);
            health.Add(new AgentTypeHealth(agent, completed, failed, (completed + failed) / windowHours,
                completed + failed == 0 ? null : (double)completed / (completed + failed),
                Percentiles.Of(durations, 0.50), Percentiles.Of(durations, 0.95), durations.Length,
                open.Where(o => o.Agent == agent && o.Status == AgentTaskStatus.Queued).Sum(o => o.Count),
                open.Where(o => o.Agent == agent && o.Status == AgentTaskStatus.Running).Sum(o => o.Count)));
        }

        var lastErrors = await tasks.Where(t => t.Status == AgentTaskStatus.Failed && t.CreatedAt >= since)
            .OrderByDescending(t => t.CreatedAt).Take(10)
            .Select(t => new AgentFailure(t.Agent, t.Error, t.CompletedAt ?? t.CreatedAt, t.UserId)).ToListAsync(cancellationToken);
        return new AgentMonitorView(since, until, health, await EventsAsync(cancellationToken), lastErrors, await HumanAgentsAsync(since, cancellationToken));
    }

    private async Task<double[]> DurationsAsync(string agent, DateTime since, CancellationToken cancellationToken)
    {
        var spans = await db.Set<AgentTask>().AsNoTracking()
            .Where(t => t.Agent == agent && t.CreatedAt >= since && t.StartedAt != null && t.CompletedAt != null)
            .OrderByDescending(t => t.CreatedAt).Take(DurationSample)
            .Select(t => new { t.StartedAt, t.CompletedAt }).ToListAsync(cancellationToken);
        return [.. spans.Select(s => Math.Max(0, (s.CompletedAt!.Value - s.StartedAt!.Value).TotalSeconds))];
    }

    private async Task<EventBacklog> EventsAsync(CancellationToken cancellationToken)
    {
        var pending = db.Set<AgentEvent>().AsNoTracking().Where(e => e.ProcessedAt == null);
        var summary = await pending.GroupBy(_ => 1)
            .Select(g => new { Count = g.Count(), Oldest = g.Min(e => e.CreatedAt), Retrying = g.Count(e => e.Attempts > 0) })
            .SingleOrDefaultAsync(cancellationToken);
        return new EventBacklog(summary?.Count ?? 0, summary?.Oldest, summary?.Retrying ?? 0);
    }

    private async Task<HumanAgentLoad> HumanAgentsAsync(DateTime since, CancellationToken cancellationToken)
    {
        var assignments = db.Set<Assignment>().AsNoTracking();
        var open = await assignments.Where(a => a.Status == AssignmentStatus.Assigned || a.Status == AssignmentStatus.Claimed)
            .GroupBy(a => a.Status).Select(g => new { Status = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var unassigned = await db.Set<JobApplication>().AsNoTracking()
            .CountAsync(app => app.State == ApplicationStates.Escalated
                && !assignments.Any(a => a.ApplicationId == app.Id && (a.Status == AssignmentStatus.Assigned || a.Status == AssignmentStatus.Claimed)), cancellationToken);
        var handled = await assignments.Where(a => a.Status == AssignmentStatus.Completed && a.FinishedAt >= since && a.ClaimedAt != null)
            .OrderByDescending(a => a.FinishedAt).Take(DurationSample)
            .Select(a => new { a.ClaimedAt, a.FinishedAt }).ToListAsync(cancellationToken);
        var available = await db.Set<HumanAgentProfile>().AsNoTracking().CountAsync(p => p.Available, cancellationToken);
        return new HumanAgentLoad(available,
            open.Where(o => o.Status == AssignmentStatus.Assigned).Sum(o => o.Count),
            open.Where(o => o.Status == AssignmentStatus.Claimed).Sum(o => o.Count),
            unassigned, handled.Count,
            Percentiles.Of([.. handled.Select(h => (h.FinishedAt!.Value - h.ClaimedAt!.Value).TotalMinutes)], 0.5));
    }
}
