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
    // Every lost race means another place was taken, so the tries needed are bounded by the cap.
    private const int MaxPlaceTries = AutoApplyRule.MaxDailyCap + 5;

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
        if (!await TakePlaceAsync(userId, applicationId, rule.DailyCap, cancellationToken))
            return new AgentOutcome($"left for approval: today's {rule.DailyCap} automatic applications are used");

        var result = await approvals.ApproveAsync(userId, applicationId, application.Revision, ApplicationActor.Agent(ActorName), cancellationToken,
            $"Your auto-apply rule: score {score} ≥ {rule.MinScore}, through {channel.Channel.Replace('_', ' ')}.");
        if (result.Status == ApprovalStatus.Done) return new AgentOutcome($"approved by the rule (score {score})");
        // A redelivered event that lost the race to its twin fails here too, but the rule did approve the application:
        // its place stays taken, or the cap would let one more through.
        if (await ApprovedByRuleAsync(applicationId, cancellationToken)) return new AgentOutcome("already approved by the rule");
        // Not approved after all (the documents failed the check, or the candidate acted first): the place is free again.
        await db.Set<AutoApplyPlace>().Where(p => p.ApplicationId == applicationId).ExecuteDeleteAsync(cancellationToken);
        return new AgentOutcome($"left for approval: {result.Error ?? result.Status.ToString()}");
    }

    /// <summary>
    /// Takes one of today's places (UTC) under the cap, in one step with the count: racers that read the same count
    /// pick the same slot and the loser reads again, so the cap holds however many drafts arrive at once. An
    /// application that already holds a place (a redelivered event) keeps it.
    /// </summary>
    private async Task<bool> TakePlaceAsync(string userId, Guid applicationId, int cap, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var today = db.Set<AutoApplyPlace>().Where(p => p.UserId == userId && p.Day == now.Date);
            var taken = await today.GroupBy(_ => 1).Select(g => new { Used = g.Count(), Highest = g.Max(p => p.Slot) }).SingleOrDefaultAsync(cancellationToken);
            if (await db.Set<AutoApplyPlace>().AnyAsync(p => p.ApplicationId == applicationId, cancellationToken)) return true;
            if ((taken?.Used ?? 0) >= cap) return false;
            var place = new AutoApplyPlace { ApplicationId = applicationId, UserId = userId, Day = now.Date, Slot = (taken?.Highest ?? 0) + 1, TakenAt = now };
            db.Add(place);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return true;
            }
            catch (DbUpdateException ex) when (UniqueViolation.Is(ex) && attempt < MaxPlaceTries)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, 5 * attempt)), cancellationToken);
            }
            finally
            {
                db.Entry(place).State = EntityState.Detached;
            }
        }
    }

    private Task<bool> ApprovedByRuleAsync(Guid applicationId, CancellationToken cancellationToken) =>
        db.Set<ApplicationLogEntry>().AnyAsync(l => l.ApplicationId == applicationId && l.ToState == ApplicationStates.Approved
            && l.ActorKind == ApplicationActor.AgentKind && l.ActorId == ActorName, cancellationToken);

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
