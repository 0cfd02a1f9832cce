using Jobsmith.Core.Agents;
using Jobsmith.Core.Flags;
using Jobsmith.Core.Matching.Store;

namespace Jobsmith.Core.Orchestration;

/// <summary>
/// The first step of a candidate's agent (K3): whenever something a ranking depends on changes — new or changed
/// postings, a new resume, feedback, the agent being started — each running agent's candidate gets a match pass.
/// A pass stores only postings never shown to them, so it can run again after a crash without repeating anything;
/// its new matches are published as <see cref="EventTypes.JobMatchFound"/> for the drafter.
/// </summary>
internal sealed class AgentMatcher(CandidateAgents agents, MatchRunner matcher) : IAgent
{
    /// <summary>New matches stored per pass: the drafter picks the best of them, the rest wait on the matches page.</summary>
    public const int MatchesPerPass = 20;

    public string AgentName => FeatureFlagCatalog.Matcher;

    // Matching is idempotent by the unique (candidate, posting) match, and a pass over many candidates is long: it must
    // not hold the database's write lock for all of them.
    public bool RunsInOneTransaction => false;

    public bool Accepts(string eventType) => eventType is EventTypes.PostingsStored or EventTypes.ResumeUploaded or EventTypes.FeedbackGiven
        or EventTypes.AgentStarted;

    public async Task<AgentOutcome> HandleAsync(AgentEvent agentEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agentEvent);
        // New postings concern every running agent; the other events one candidate.
        IReadOnlyList<string> candidates = agentEvent.UserId is { } userId
            ? await agents.RunningAsync(userId, cancellationToken) is null ? [] : [userId]
            : await agents.RunningUsersAsync(cancellationToken);
        if (candidates.Count == 0) return new AgentOutcome(agentEvent.UserId is null ? "no candidate's agent is running" : "the agent is not running");

        var found = 0;
        var waiting = new List<string>();
        foreach (var candidate in candidates)
        {
            try
            {
                found += (await matcher.RunAsync(candidate, MatchesPerPass, cancellationToken)).Matches.Count;
            }
            catch (ProfileNotReadyException ex)
            {
                // Not a failure to retry: the agent waits for the profile, and the candidate's own page says what is missing.
                waiting.Add(string.Join(", ", ex.Missing));
            }
        }
        if (candidates.Count > 1)
        {
            var waitingNote = waiting.Count > 0 ? $"; {waiting.Count} waiting for their profile" : "";
            return new AgentOutcome($"{found} new matches for {candidates.Count - waiting.Count} candidates{waitingNote}");
        }
        return new AgentOutcome(waiting.Count == 1 ? $"waiting for the profile: {waiting[0]}" : $"{found} new {(found == 1 ? "match" : "matches")}");
    }
}
