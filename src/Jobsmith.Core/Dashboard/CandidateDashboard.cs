using Jobsmith.Core.Agents;
using Jobsmith.Core.Applications;
using Jobsmith.Core.Data;
using Jobsmith.Core.Interviews;
using Jobsmith.Core.Jobs.Search;
using Jobsmith.Core.Jobs.Store;
using Microsoft.EntityFrameworkCore;

namespace Jobsmith.Core.Dashboard;

/// <summary>One step of the pipeline: the states it gathers, how many applications are there, and the list tab that shows them.</summary>
public sealed record PipelineStage(string Key, string Label, int Count, string Tab);

/// <summary>
/// Something that happened: an application moved (with who moved it) or an agent ran for the candidate.
/// </summary>
public sealed record ActivityItem(DateTime At, string Kind, string Text, string? Detail, Guid? ApplicationId, string? State, string? Actor, bool Failed);

/// <summary>What one of the candidate's agents is doing: running now, when it last ran, its last error, its next run.</summary>
public sealed record AgentStatusView(string Agent, bool Running, DateTime? LastRunAt, string? LastError, DateTime? NextRunAt);

/// <summary>Everything the live part of the dashboard shows (G1).</summary>
public sealed record CandidateDashboardView(IReadOnlyList<PipelineStage> Pipeline, IReadOnlyList<PipelineStage> Aside,
    IReadOnlyList<ActivityItem> Activity, IReadOnlyList<AgentStatusView> Agents, IReadOnlyList<InterviewView> Interviews)
{
    public int Total => Pipeline.Sum(s => s.Count) + Aside.Sum(s => s.Count);
}

/// <summary>
/// G1: the candidate's pipeline (counts by state, in the order an application moves), an activity feed from the
/// application logs and agent tasks, agent status and upcoming interviews. Every read is the candidate's own and
/// bounded, so the dashboard costs the same with 10 or 100,000 applications.
/// </summary>
public sealed class CandidateDashboard(AppDbContext db, ApplicationService applications, InterviewService interviews,
    Microsoft.Extensions.Options.IOptions<Inbox.InboxOptions> inbox, TimeProvider clock)
{
    public const int ActivityItems = 12;
    public const int InterviewsShown = 3;
    private const int RecentTasks = 200;

    /// <summary>
    /// Agents whose finished runs are news to the candidate ("12 matches", "2 drafts waiting for your approval"). The
    /// others' runs are bookkeeping — auto-apply leaving a draft alone while it is off, a welcome sent — listed only
    /// when they fail; what they change shows as the application's own move.
    /// </summary>
    public static readonly IReadOnlySet<string> ReportingAgents = new HashSet<string>(StringComparer.Ordinal)
    {
        Flags.FeatureFlagCatalog.ResumeAnalyzer, Flags.FeatureFlagCatalog.JobDiscovery, Flags.FeatureFlagCatalog.Matcher,
        Flags.FeatureFlagCatalog.FeedbackOptimizer, Flags.FeatureFlagCatalog.Drafter,
    };

    private static readonly (string Key, string Label, string Tab, string[] States)[] Stages =
    [
        ("preparing", "Preparing", ApplicationTabs.Active, [ApplicationStates.Matched, ApplicationStates.Drafted]),
        ("approval", "Waiting for you", ApplicationTabs.Approval, [ApplicationStates.AwaitingApproval]),
        ("sending", "Being sent", ApplicationTabs.Active, [ApplicationStates.Approved, ApplicationStates.Queued, ApplicationStates.Submitting]),
        ("sent", "Sent", ApplicationTabs.Sent, [ApplicationStates.Applied]),
        ("interview", "Interview", ApplicationTabs.Sent, [ApplicationStates.Interview]),
        ("offer", "Offer", ApplicationTabs.Sent, [ApplicationStates.Offer]),
    ];

    private static readonly (string Key, string Label, string Tab, string[] States)[] AsideStages =
    [
        ("attention", "Need attention", ApplicationTabs.Attention, [ApplicationStates.Escalated, ApplicationStates.Failed]),
        ("closed", "Closed", ApplicationTabs.Closed, [ApplicationStates.Rejected, ApplicationStates.RejectedByUser, ApplicationStates.Withdrawn]),
    ];

    public async Task<CandidateDashboardView> ForAsync(string userId, CancellationToken cancellationToken)
    {
        var byState = await applications.CountByStateAsync(userId, cancellationToken);
        PipelineStage Count((string Key, string Label, string Tab, string[] States) s) => new(s.Key, s.Label, s.States.Sum(byState.GetValueOrDefault), s.Tab);
        var tasks = await db.Set<AgentTask>().AsNoTracking().Where(t => t.UserId == userId)
            .OrderByDescending(t => t.CreatedAt).Take(RecentTasks).ToListAsync(cancellationToken);
        return new CandidateDashboardView([.. Stages.Select(Count)], [.. AsideStages.Select(Count)],
            await ActivityAsync(userId, tasks, cancellationToken), await AgentsAsync(userId, tasks, cancellationToken),
            await interviews.UpcomingAsync(userId, InterviewsShown, cancellationToken));
    }

    private async Task<IReadOnlyList<ActivityItem>> ActivityAsync(string userId, IReadOnlyList<AgentTask> tasks, CancellationToken cancellationToken)
    {
        // The newest moves of the candidate's applications; the user filter goes through the application (logs carry no owner).
        var moves = await (from log in db.Set<ApplicationLogEntry>().AsNoTracking()
                           join application in db.Set<JobApplication>() on log.ApplicationId equals application.Id
                           join posting in db.Set<StoredPosting>() on application.PostingId equals posting.Id
                           where application.UserId == userId
                           orderby log.At descending, log.Id descending
                           select new { log.At, log.ApplicationId, log.ToState, log.ActorKind, log.Details, posting.Title, posting.Company })
            .Take(ActivityItems).ToListAsync(cancellationToken);
        var items = moves.Select(m => new ActivityItem(m.At, "application", $"{m.Title} at {m.Company}", m.Details, m.ApplicationId, m.ToState, m.ActorKind, false))
            .Concat(tasks.Where(t => t.Status == AgentTaskStatus.Failed || (t.Status == AgentTaskStatus.Completed && ReportingAgents.Contains(t.Agent)))
                .Take(ActivityItems)
                .Select(t => new ActivityItem(t.CompletedAt ?? t.CreatedAt, "agent", t.Agent, t.Status == AgentTaskStatus.Failed ? t.Error : t.Output, null, null, null,
                    t.Status == AgentTaskStatus.Failed)));
        return [.. items.OrderByDescending(i => i.At).Take(ActivityItems)];
    }

    private async Task<IReadOnlyList<AgentStatusView>> AgentsAsync(string userId, IReadOnlyList<AgentTask> tasks, CancellationToken cancellationToken)
    {
        var agents = tasks.GroupBy(t => t.Agent, StringComparer.Ordinal).Select(g =>
        {
            var finished = g.Where(t => t.Status is AgentTaskStatus.Completed or AgentTaskStatus.Failed).OrderByDescending(t => t.CompletedAt).FirstOrDefault();
            // An error is shown only while it is the agent's latest word: a later success clears it.
            return new AgentStatusView(g.Key, g.Any(t => t.Status is AgentTaskStatus.Queued or AgentTaskStatus.Running), finished?.CompletedAt,
                finished?.Status == AgentTaskStatus.Failed ? finished.Error : null, null);
        }).ToList();

        // Standing job searches run on a schedule: their next run is the one date the candidate can plan around.
        var searches = await db.Set<JobSearch>().AsNoTracking().Where(s => s.UserId == userId && s.Enabled)
            .Select(s => new { s.CreatedAt, s.LastRunAt, s.IntervalMinutes, s.LastRunNote }).ToListAsync(cancellationToken);
        if (searches.Count > 0)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var next = searches.Min(s => Max((s.LastRunAt ?? s.CreatedAt).AddMinutes(s.IntervalMinutes), now));
            var last = searches.Max(s => s.LastRunAt);
            agents.Insert(0, new AgentStatusView(JobSearchAgent, false, last, null, next));
        }

        // The connected mailbox is read on a schedule too (G2): its last check, the error that check met, the next one.
        var mailbox = await db.Set<Inbox.InboxSettings>().AsNoTracking()
            .Where(s => s.UserId == userId && s.ImapHost != null && s.ImapProtectedPassword != null)
            .Select(s => new { s.LastPolledAt, s.LastError, s.UpdatedAt }).FirstOrDefaultAsync(cancellationToken);
        if (mailbox is not null)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var next = Max((mailbox.LastPolledAt ?? mailbox.UpdatedAt).AddSeconds(Math.Max(30, inbox.Value.PollIntervalSeconds)), now);
            agents.Add(new AgentStatusView(MailboxAgent, false, mailbox.LastPolledAt, mailbox.LastError, next));
        }
        return [.. agents.OrderBy(a => a.Agent == JobSearchAgent ? 0 : a.Agent == MailboxAgent ? 1 : 2).ThenBy(a => a.Agent, StringComparer.Ordinal)];
    }

    /// <summary>The name the connected mailbox's reading is shown under among the agents.</summary>
    public const string MailboxAgent = "mailbox";

    /// <summary>The name the job-search schedule is shown under among the agents.</summary>
    public const string JobSearchAgent = "job-search";

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;
}
