namespace Jobsmith.Core.HumanAgents;

/// <summary>
/// F5's choice of agent, kept pure so its rules are plain to test: only agents who are available and have a free slot;
/// of those, only specialists in the reason or generalists (no tags); specialists first, then whoever knows the most of
/// the other things the job needs (its ATS family), then the fewest open assignments, then a stable order.
/// </summary>
public static class AssignmentRouting
{
    public static AgentLoad? Pick(IEnumerable<AgentLoad> agents, string reason, IReadOnlyCollection<string> alsoUseful, IReadOnlyCollection<string>? avoid = null) =>
        agents
            .Where(a => a.Available && a.Free > 0 && (a.Expertise.Count == 0 || a.Expertise.Contains(reason, StringComparer.Ordinal)))
            .OrderByDescending(a => a.Expertise.Contains(reason, StringComparer.Ordinal))
            .ThenBy(a => avoid?.Contains(a.UserId) == true)
            .ThenByDescending(a => a.Expertise.Count(alsoUseful.Contains))
            .ThenBy(a => a.Open)
            .ThenBy(a => a.UserId, StringComparer.Ordinal)
            .FirstOrDefault();
}
