namespace Jobsmith.Core.Agents;

/// <summary>
/// An agent reacting to an event. Each (event, agent) pair runs at most once to completion: the agent task
/// row is unique per pair, so a crash and re-run resumes instead of duplicating work.
/// </summary>
public interface IAgent
{
    string AgentName { get; }

    bool Accepts(string eventType);

    /// <summary>Does the work; the returned text is stored as the task's output.</summary>
    Task<string?> HandleAsync(AgentEvent agentEvent, CancellationToken cancellationToken);
}
