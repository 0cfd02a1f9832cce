using System.Text.Json;
using Jobsmith.Core.Applications.Submission;
using Jobsmith.Core.Data;
using Jobsmith.Core.Jobs.Store;
using Microsoft.EntityFrameworkCore;

namespace Jobsmith.Core.Applications;

/// <summary>The application list's tabs, each a set of states, so the page, the API and the CLI group them alike.</summary>
public static class ApplicationTabs
{
    public const string Approval = "approval";
    public const string Attention = "attention";
    public const string Active = "active";
    public const string Sent = "sent";
    public const string Closed = "closed";

    public static readonly IReadOnlyList<(string Tab, string Label, string[] States)> All =
    [
        (Approval, "Waiting for approval", [ApplicationStates.AwaitingApproval]),
        (Attention, "Needs attention", [ApplicationStates.Escalated, ApplicationStates.Failed]),
        (Active, "In progress", [ApplicationStates.Matched, ApplicationStates.Drafted, ApplicationStates.Approved, ApplicationStates.Queued, ApplicationStates.Submitting]),
        (Sent, "Sent", [ApplicationStates.Applied, ApplicationStates.Interview, ApplicationStates.Offer]),
        (Closed, "Closed", [ApplicationStates.Rejected, ApplicationStates.RejectedByUser, ApplicationStates.Withdrawn]),
    ];

    public static string[] StatesOf(string? tab) => All.FirstOrDefault(t => t.Tab == tab).States ?? All[0].States;
}

/// <summary>A row of the application list: the application and the posting it is for.</summary>
public sealed record ApplicationRow(ApplicationView Application, string Company, string Title, string? Channel);

/// <summary>One try at sending, with its proof files, as the application page shows it (F7).</summary>
public sealed record AttemptView(Guid Id, string Channel, string? TargetHost, string Outcome, string Details, string? Escalation, string? Confirmation,
    IReadOnlyList<SentFileView> Files, IReadOnlyList<string> Filled, DateTime StartedAt, DateTime FinishedAt, IReadOnlyList<ProofView> Proof);

public sealed record SentFileView(string Kind, Guid DocumentId, int Version, string FileName, string Sha256, int Bytes);

/// <summary>Everything the application page shows.</summary>
public sealed record ApplicationPage(ApplicationView Application, string Company, string Title, string? ApplyUrl, IReadOnlyList<ApplicationLogView> Log,
    IReadOnlyList<AttemptView> Attempts);

/// <summary>Reads for the application list and page (F1, F7), scoped to the candidate like every other read.</summary>
public sealed class ApplicationQueries(AppDbContext db, ApplicationService applications, ProofStore proofs)
{
    public const int PageSize = 25;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<(IReadOnlyList<ApplicationRow> Rows, int Total)> ListAsync(string userId, string? tab, int page, CancellationToken cancellationToken)
    {
        var states = ApplicationTabs.StatesOf(tab);
        var query = from a in db.Set<JobApplication>().AsNoTracking()
                    join p in db.Set<StoredPosting>() on a.PostingId equals p.Id
                    where a.UserId == userId && states.Contains(a.State)
                    select new { Application = a, p.Company, p.Title };
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderByDescending(r => r.Application.UpdatedAt).ThenBy(r => r.Application.Id)
            .Skip(Math.Max(0, page - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        return ([.. rows.Select(r => new ApplicationRow(ApplicationView.Of(r.Application), r.Company, r.Title, r.Application.Channel))], total);
    }

    /// <summary>How many applications each tab holds (the tab badges and the dashboard).</summary>
    public async Task<IReadOnlyDictionary<string, int>> TabCountsAsync(string userId, CancellationToken cancellationToken)
    {
        var byState = await applications.CountByStateAsync(userId, cancellationToken);
        return ApplicationTabs.All.ToDictionary(t => t.Tab, t => t.States.Sum(s => byState.GetValueOrDefault(s)), StringComparer.Ordinal);
    }

    public async Task<ApplicationPage?> PageAsync(string userId, Guid applicationId, CancellationToken cancellationToken)
    {
        if (await applications.GetAsync(userId, applicationId, cancellationToken) is not { } detail) return null;
        var posting = await db.Set<StoredPosting>().AsNoTracking().Where(p => p.Id == detail.Application.PostingId)
            .Select(p => new { p.Company, p.Title, p.ApplyUrl }).FirstAsync(cancellationToken);
        var attempts = await db.Set<SubmissionAttempt>().AsNoTracking().Where(a => a.ApplicationId == applicationId && a.UserId == userId)
            .OrderByDescending(a => a.StartedAt).Take(50).ToListAsync(cancellationToken);
        var proof = await proofs.ListAsync(userId, applicationId, cancellationToken);
        return new ApplicationPage(detail.Application, posting.Company, posting.Title, posting.ApplyUrl, detail.Log,
            [.. attempts.Select(a => new AttemptView(a.Id, a.Channel, a.TargetHost, a.Outcome, a.Details, a.Escalation, a.Confirmation,
                JsonSerializer.Deserialize<List<SentFileView>>(a.FilesJson, Json) ?? [], JsonSerializer.Deserialize<List<string>>(a.FilledJson, Json) ?? [],
                a.StartedAt, a.FinishedAt, [.. proof.Where(p => p.AttemptId == a.Id)]))]);
    }
}
