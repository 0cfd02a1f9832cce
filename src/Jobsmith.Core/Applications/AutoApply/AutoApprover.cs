using System.Text.Json;
using Jobsmith.Core.Agents;
using Jobsmith.Core.Applications.Approval;
using Jobsmith.Core.Data;
using Jobsmith.Core.Flags;
using Jobsmith.Core.Matching.Store;
using Microsoft.EntityFrameworkCore;

namespace Jobsmith.Core.Applications.AutoApply;

/// <summary>
/// F2: when drafts are ready for approval, approves them on the candidate's behalf — only if they turned auto-apply on,
/// the match scores at least their threshold, the channel is one they allowed (never manual or an assist-only site),
/// today's count is under their cap, and the documents pass the same check a person's approval does (no line the
/// profile does not support). Anything else stays in the approval queue for them.
/// </summary>
internal sealed class AutoApprover(AppDbContext db, Approvals approvals, TimeProvider clock) : IAgent
{
    public const string ActorName = "auto-apply";

    public string AgentName => FeatureFlagCatalog.AutoApply;

    public bool Accepts(string eventType) => eventType == EventTypes.ApprovalRequested;

    public async Task<AgentOutcome> HandleAsync(AgentEvent agentEvent, CancellationToken cancellationToken)
    {
        if (agentEvent.UserId is not { } userId || ApplicationOf(agentEvent.PayloadJson) is not { } applicationId)
            return new AgentOutcome("no application on the event");
        var rule = await db.Set<AutoApplyRule>().AsNoTracking().FirstOrDefaultAsync(r => r.UserId == userId, cancellationToken);
        if (rule is not { Enabled: true }) return new AgentOutcome("left for approval: auto-apply is off");

        var application = await db.Set<JobApplication>().AsNoTracking().FirstOrDefaultAsync(a => a.UserId == userId && a.Id == applicationId, cancellationToken);
        if (application is not { State: ApplicationStates.AwaitingApproval }) return new AgentOutcome("skipped: not awaiting approval");
        var score = await db.Set<StoredMatch>().AsNoTracking().Where(m => m.UserId == userId && m.PostingId == application.PostingId)
            .Select(m => (int?)m.Score).FirstOrDefaultAsync(cancellationToken);
        if (score is null || score < rule.MinScore) return new AgentOutcome($"left for approval: score {score?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unknown"} is under {rule.MinScore}");

        var channel = await approvals.ChannelOfAsync(application.PostingId, cancellationToken);
        if (!rule.ChannelList.Contains(channel.Channel) || !AutoApplyRule.AutomaticChannels.Contains(channel.Channel))
            return new AgentOutcome($"left for approval: {channel.Channel.Replace('_', ' ')} is not a channel the rule may use");
        if (await ApprovedTodayAsync(userId, cancellationToken) >= rule.DailyCap)
            return new AgentOutcome($"left for approval: today's {rule.DailyCap} automatic applications are used");

        var result = await approvals.ApproveAsync(userId, applicationId, application.Revision, ApplicationActor.Agent(ActorName), cancellationToken,
            $"Your auto-apply rule: score {score} ≥ {rule.MinScore}, through {channel.Channel.Replace('_', ' ')}.");
        return new AgentOutcome(result.Status == ApprovalStatus.Done ? $"approved by the rule (score {score})" : $"left for approval: {result.Error ?? result.Status.ToString()}");
    }

    private async Task<int> ApprovedTodayAsync(string userId, CancellationToken cancellationToken)
    {
        var dayStart = clock.GetUtcNow().UtcDateTime.Date;
        return await (from l in db.Set<ApplicationLogEntry>()
                      join a in db.Set<JobApplication>() on l.ApplicationId equals a.Id
                      where a.UserId == userId && l.ToState == ApplicationStates.Approved && l.ActorKind == ApplicationActor.AgentKind
                            && l.ActorId == ActorName && l.At >= dayStart
                      select l.Id).CountAsync(cancellationToken);
    }

    private static Guid? ApplicationOf(string payloadJson)
    {
        try
        {
            using var payload = JsonDocument.Parse(payloadJson);
            return payload.RootElement.TryGetProperty("applicationId", out var id) && id.TryGetGuid(out var value) ? value : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
