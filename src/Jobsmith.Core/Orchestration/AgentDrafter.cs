using System.Text.Json;
using Jobsmith.Core.Agents;
using Jobsmith.Core.Applications;
using Jobsmith.Core.Applications.Approval;
using Jobsmith.Core.Data;
using Jobsmith.Core.Flags;
using Jobsmith.Core.Jobs.Store;
using Jobsmith.Core.Matching.Store;
using Jobsmith.Core.Plans;
using Microsoft.EntityFrameworkCore;

namespace Jobsmith.Core.Orchestration;

/// <summary>
/// The second step of a candidate's agent (K3): the best new matches — and, when the agent is started, the matches the
/// candidate already had — scoring at least the agent's minimum get tailored drafts and wait for the candidate's
/// approval (<see cref="EventTypes.ApprovalRequested"/>, which the candidate's own auto-apply rule may act on). Never
/// more than the agent's drafts a day, none while the plan's applications for the month are used up, none for a
/// match the candidate dismissed or rated down, a closed posting, or one that has an application already; it never
/// approves or sends anything itself.
/// </summary>
internal sealed class AgentDrafter(AppDbContext db, CandidateAgents agents, Approvals approvals, UsageMeter usage) : IAgent
{
    /// <summary>The drafter's name as the actor in the log of the applications it starts.</summary>
    public const string ActorName = FeatureFlagCatalog.Drafter;

    public string AgentName => FeatureFlagCatalog.Drafter;

    // Drafting is idempotent by the unique (candidate, posting) application and documents drafted only when missing;
    // tailoring several postings takes a while and must not hold the database's write lock meanwhile.
    public bool RunsInOneTransaction => false;

    // New matches; and on being started, the matches the candidate already has (they may have matched by hand first).
    public bool Accepts(string eventType) => eventType is EventTypes.JobMatchFound or EventTypes.AgentStarted;

    public async Task<AgentOutcome> HandleAsync(AgentEvent agentEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agentEvent);
        if (agentEvent.UserId is not { } userId) return new AgentOutcome("no candidate on the event");
        if (await agents.RunningAsync(userId, cancellationToken) is not { } agent) return new AgentOutcome("the agent is not running");
        var quota = await usage.CheckAsync(userId, cancellationToken);
        if (!quota.Allowed) return new AgentOutcome($"nothing drafted: {quota.Reason}");
        var room = agent.DraftsPerDay - await agents.DraftedTodayAsync(userId, cancellationToken);
        if (room <= 0) return new AgentOutcome($"nothing drafted: today's {agent.DraftsPerDay} drafts are made");

        var matches = db.Set<StoredMatch>().AsNoTracking().Where(m => m.UserId == userId);
        if (agentEvent.Type == EventTypes.JobMatchFound)
        {
            var postings = PostingsOf(agentEvent.PayloadJson);
            matches = matches.Where(m => postings.Contains(m.PostingId));
        }
        // Never for a match the candidate dismissed or rated down, a closed posting, or one that has an application already.
        var best = await matches
            .Where(m => m.Score >= agent.MinScore && m.DismissedAt == null)
            .Where(m => !db.Set<MatchFeedback>().Any(f => f.UserId == userId && f.PostingId == m.PostingId && !f.ThumbsUp))
            .Where(m => db.Set<StoredPosting>().Any(p => p.Id == m.PostingId && p.Status == PostingStatus.Open))
            .Where(m => !db.Set<JobApplication>().Any(a => a.UserId == userId && a.PostingId == m.PostingId))
            .OrderByDescending(m => m.Score).ThenBy(m => m.PostingId)
            .Select(m => m.PostingId).Take(room).ToListAsync(cancellationToken);
        var drafted = 0;
        foreach (var posting in best)
            if (await approvals.PrepareAsync(userId, posting, ApplicationActor.Agent(ActorName), cancellationToken) is not null) drafted++;
        return new AgentOutcome(drafted == 0
            ? $"nothing drafted: no match without an application scores {agent.MinScore} or more"
            : $"{drafted} {(drafted == 1 ? "draft" : "drafts")} waiting for your approval");
    }

    private static List<Guid> PostingsOf(string payloadJson)
    {
        using var payload = JsonDocument.Parse(payloadJson);
        return payload.RootElement.TryGetProperty("postingIds", out var ids) && ids.ValueKind == JsonValueKind.Array
            ? [.. ids.EnumerateArray().Select(i => i.GetGuid())]
            : [];
    }
}
