namespace Jobsmith.Core.Agents;

/// <summary>What an agent run produced: a short output for the task record and the LLM tokens it spent (K5).</summary>
public sealed record AgentOutcome(string? Output, int InputTokens = 0, int OutputTokens = 0);

/// <summary>
/// An agent reacting to an event. Each (event, agent) pair runs at most once to completion: the agent task
/// row is unique per pair, so a crash and re-run resumes instead of duplicating work.
/// </summary>
public interface IAgent
{
    string AgentName { get; }

    bool Accepts(string eventType);

    /// <summary>Does the work; the outcome's text and token counts are stored on the agent task.</summary>
    Task<AgentOutcome> HandleAsync(AgentEvent agentEvent, CancellationToken cancellationToken);
}
