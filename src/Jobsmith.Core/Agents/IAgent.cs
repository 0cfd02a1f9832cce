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

    /// <summary>
    /// True (the default): the agent's effects and its task's completion commit in one transaction, so a crash
    /// between them repeats nothing. An agent whose effects are idempotent by their own unique keys, and whose work is
    /// long (ranking, tailoring), answers false and commits as it goes, so it never holds the write lock meanwhile.
    /// </summary>
    bool RunsInOneTransaction => true;

    /// <summary>Does the work; the outcome's text and token counts are stored on the agent task.</summary>
    Task<AgentOutcome> HandleAsync(AgentEvent agentEvent, CancellationToken cancellationToken);
}
