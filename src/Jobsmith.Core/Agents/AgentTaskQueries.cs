using Jobsmith.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Jobsmith.Core.Agents;

public sealed record AgentStats(string Agent, int Queued, int Running, int Completed, int Failed);

/// <summary>Read side of K1: a user's tasks, and per-agent statistics for the admin (I1).</summary>
public sealed class AgentTaskQueries(AppDbContext db)
{
    public async Task<IReadOnlyList<AgentTask>> ForUserAsync(string userId, int take, CancellationToken cancellationToken) =>
        await db.Set<AgentTask>().AsNoTracking()
            .Where(t => t.UserId == userId)
            .OrderByDescending(t => t.CreatedAt)
            .Take(Math.Clamp(take, 1, 200))
            .ToListAsync(cancellationToken);

    /// <summary>Counts by agent and status, grouped in the database so it stays cheap with millions of tasks.</summary>
    public async Task<IReadOnlyList<AgentStats>> StatsAsync(CancellationToken cancellationToken)
    {
        var rows = await db.Set<AgentTask>().AsNoTracking()
            .GroupBy(t => new { t.Agent, t.Status })
            .Select(g => new { g.Key.Agent, g.Key.Status, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return [.. rows.GroupBy(r => r.Agent).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new AgentStats(
            g.Key,
            g.Where(r => r.Status == AgentTaskStatus.Queued).Sum(r => r.Count),
            g.Where(r => r.Status == AgentTaskStatus.Running).Sum(r => r.Count),
            g.Where(r => r.Status == AgentTaskStatus.Completed).Sum(r => r.Count),
            g.Where(r => r.Status == AgentTaskStatus.Failed).Sum(r => r.Count)))];
    }
}
