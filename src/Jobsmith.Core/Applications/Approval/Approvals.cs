using Jobsmith.Core.Agents;
using Jobsmith.Core.Applications.Submission;
using Jobsmith.Core.Data;
using Jobsmith.Core.Documents;
using Jobsmith.Core.Jobs.Store;
using Jobsmith.Core.Matching.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jobsmith.Core.Applications.Approval;

/// <summary>One card of the approval queue: the application, its posting and match, its newest drafts and where it would go.</summary>
public sealed record ApprovalCard(
    ApplicationView Application, string Company, string Title, int Score, IReadOnlyList<DocumentView> Documents, ChannelChoice Channel)
{
    /// <summary>Lines whose claims the candidate's facts do not support: approval is refused until they are fixed.</summary>
    public int Flags => Documents.Where(d => d.Kind != DocumentKinds.Answers).Sum(d => d.Flags.Count);

    /// <summary>Form answers left for the candidate (a form that asks them escalates instead of guessing).</summary>
    public int OpenAnswers => Documents.Where(d => d.Kind == DocumentKinds.Answers).Sum(d => d.Lines.Count(l => l.NeedsCandidate is not null));
}

public enum ApprovalStatus { Done, NotFound, Refused, Conflict }

public sealed record ApprovalResult(ApprovalStatus Status, ApplicationView? Application = null, string? Error = null);

/// <summary>
/// F2, "the control room": prepare an application for approval (drafts plus the application, moved to awaiting approval),
/// list what waits, approve (the newest versions, only when no line is flagged; the application is queued for its channel
/// and the log says who approved what and when) or reject with a reason. Two approvals at once (a double-click, two tabs)
/// queue it once: the application's revision decides, and the loser gets a conflict with the current state.
/// </summary>
public sealed class Approvals(AppDbContext db, ApplicationService applications, DocumentService documents, EventPublisher events,
    IOptions<SubmissionOptions> options, TimeProvider clock, Documents.Rendering.RenderedFiles rendered)
{
    /// <summary>Drafts the documents when there are none and puts the application in the queue; null when the posting is not a match.</summary>
    public async Task<ApplicationView?> PrepareAsync(string userId, Guid postingId, ApplicationActor actor, CancellationToken cancellationToken)
    {
        if (await documents.PrepareAsync(userId, postingId, cancellationToken) is null) return null;
        var started = await applications.StartAsync(userId, postingId, actor, cancellationToken);
        if (started is null) return null;
        foreach (var step in new[] { ApplicationStates.Drafted, ApplicationStates.AwaitingApproval })
        {
            var current = await applications.GetAsync(userId, started.Id, cancellationToken);
            if (current is null || !ApplicationStates.CanMove(current.Application.State, step) || current.Application.State == step) continue;
            // Only forward along the draft line: an application already approved or sent stays where it is.
            if (current.Application.State is not (ApplicationStates.Matched or ApplicationStates.Drafted or ApplicationStates.RejectedByUser)) break;
            var moved = await applications.MoveAsync(userId, started.Id, step, actor,
                step == ApplicationStates.Drafted ? "Drafts prepared." : "Waiting for your approval.", current.Application.Revision, cancellationToken);
            if (moved.Status == ApplicationMoveStatus.Moved && step == ApplicationStates.AwaitingApproval)
                events.Publish(EventTypes.ApprovalRequested, userId, new { applicationId = started.Id, postingId });
        }
        await db.SaveChangesAsync(cancellationToken);
        return (await applications.GetAsync(userId, started.Id, cancellationToken))?.Application;
    }

    /// <summary>The candidate's applications waiting for approval, oldest first (so nothing waits forever at the bottom).</summary>
    public Task<IReadOnlyList<ApprovalCard>> ListAsync(string userId, CancellationToken cancellationToken) => CardsAsync(userId, null, cancellationToken);

    /// <summary>The card of one application waiting for approval; null when it is not waiting (or not the candidate's).</summary>
    public async Task<ApprovalCard?> CardAsync(string userId, Guid applicationId, CancellationToken cancellationToken) =>
        await CardsAsync(userId, applicationId, cancellationToken) is [var card] ? card : null;

    private async Task<IReadOnlyList<ApprovalCard>> CardsAsync(string userId, Guid? only, CancellationToken cancellationToken)
    {
        var rows = await (from a in db.Set<JobApplication>().AsNoTracking()
                          join p in db.Set<StoredPosting>() on a.PostingId equals p.Id
                          where a.UserId == userId && a.State == ApplicationStates.AwaitingApproval && (only == null || a.Id == only)
                          orderby a.UpdatedAt, a.Id
                          select new { Application = a, p.Company, p.Title, p.ApplyUrl, p.ApplicationType, p.ApplicationRule,
                              Score = db.Set<StoredMatch>().Where(m => m.UserId == userId && m.PostingId == a.PostingId).Select(m => (int?)m.Score).FirstOrDefault() })
            .Take(100).ToListAsync(cancellationToken);
        var cards = new List<ApprovalCard>(rows.Count);
        foreach (var row in rows)
            cards.Add(new ApprovalCard(ApplicationView.Of(row.Application), row.Company, row.Title, row.Score ?? 0,
                await documents.LatestAsync(userId, row.Application.PostingId, cancellationToken), Channel(row.ApplicationType, row.ApplicationRule, row.ApplyUrl)));
        return cards;
    }

    /// <summary>Approves the newest resume, cover letter and answers and queues the application for its channel.</summary>
    public async Task<ApprovalResult> ApproveAsync(string userId, Guid applicationId, int? expectedRevision, ApplicationActor actor, CancellationToken cancellationToken,
        string? why = null)
    {
        var application = await db.Set<JobApplication>().FirstOrDefaultAsync(a => a.UserId == userId && a.Id == applicationId, cancellationToken);
        if (application is null) return new(ApprovalStatus.NotFound);
        if (expectedRevision is { } revision && revision != application.Revision)
            return new(ApprovalStatus.Conflict, ApplicationView.Of(application), "The application changed since you loaded it.");
        if (application.State != ApplicationStates.AwaitingApproval)
            return new(ApprovalStatus.Refused, ApplicationView.Of(application), $"Only an application awaiting approval can be approved; this one is {application.State.Replace('_', ' ')}.");
        var latest = await documents.LatestAsync(userId, application.PostingId, cancellationToken);
        var missing = new[] { DocumentKinds.Resume, DocumentKinds.CoverLetter }.Where(k => latest.All(d => d.Kind != k)).ToList();
        if (missing.Count > 0) return new(ApprovalStatus.Refused, ApplicationView.Of(application), $"Prepare the {string.Join(" and ", missing.Select(k => k.Replace('_', ' ')))} first.");
        if (latest.Where(d => d.Kind != DocumentKinds.Answers).FirstOrDefault(d => d.Flags.Count > 0) is { } flagged)
            return new(ApprovalStatus.Refused, ApplicationView.Of(application),
                $"The {flagged.Kind.Replace('_', ' ')} has {flagged.Flags.Count} line(s) your profile does not support: fix them before approving.");

        var channel = await ChannelOfAsync(application.PostingId, cancellationToken);
        var now = clock.GetUtcNow();
        var versions = string.Join(", ", latest.Select(d => $"{d.Kind.Replace('_', ' ')} v{d.Version}"));
        application.Move(ApplicationStates.Approved, actor, why is null ? $"Approved: {versions}." : $"Approved: {versions}. {why}", now);
        application.Queue(channel.Channel, now, actor, channel.Reason, now);
        foreach (var document in latest.Where(d => d.CanApprove))
            if (await db.Set<GeneratedDocument>().FirstOrDefaultAsync(d => d.Id == document.Id, cancellationToken) is { } row)
            {
                row.Status = DocumentStatus.Approved;
                row.ApprovedAt ??= now.UtcDateTime;
            }
        events.Publish(EventTypes.StatusChanged, userId, new { applicationId, postingId = application.PostingId, state = application.State });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.Set<JobApplication>().AsNoTracking().FirstAsync(a => a.Id == applicationId, cancellationToken);
            return new(ApprovalStatus.Conflict, ApplicationView.Of(current), "Someone else moved the application at the same time.");
        }
        // The approved versions are printed now, so the send attaches what was approved without waiting for a browser.
        // Not inside a caller's transaction (an agent's): printing there would hold the database's write lock.
        if (db.Database.CurrentTransaction is null)
            await rendered.WarmAsync(latest.Where(d => d.Kind is DocumentKinds.Resume or DocumentKinds.CoverLetter), cancellationToken);
        return new(ApprovalStatus.Done, ApplicationView.Of(application));
    }

    /// <summary>Rejects the draft with the candidate's reason (kept in the log; the application can be drafted again later).</summary>
    public async Task<ApprovalResult> RejectAsync(string userId, Guid applicationId, string? reason, int? expectedRevision, ApplicationActor actor, CancellationToken cancellationToken)
    {
        var why = string.IsNullOrWhiteSpace(reason) ? "Rejected without a reason." : $"Rejected: {reason.Trim()}";
        var moved = await applications.MoveAsync(userId, applicationId, ApplicationStates.RejectedByUser, actor, why.Truncate(JobApplication.MaxDetails), expectedRevision, cancellationToken);
        return moved.Status switch
        {
            ApplicationMoveStatus.Moved => new(ApprovalStatus.Done, moved.Application),
            ApplicationMoveStatus.NotFound => new(ApprovalStatus.NotFound),
            ApplicationMoveStatus.Conflict => new(ApprovalStatus.Conflict, moved.Application, moved.Error),
            _ => new(ApprovalStatus.Refused, moved.Application, moved.Error),
        };
    }

    /// <summary>The channel an approved application for this posting would go through.</summary>
    public async Task<ChannelChoice> ChannelOfAsync(Guid postingId, CancellationToken cancellationToken)
    {
        var posting = await db.Set<StoredPosting>().AsNoTracking().Where(p => p.Id == postingId)
            .Select(p => new { p.ApplyUrl, p.ApplicationType, p.ApplicationRule }).FirstAsync(cancellationToken);
        return Channel(posting.ApplicationType, posting.ApplicationRule, posting.ApplyUrl);
    }

    private ChannelChoice Channel(string applicationType, string applicationRule, string? applyUrl) =>
        ChannelPicker.Pick(StoredPostingReader.WireType(applicationType), applyUrl, options.Value.AssistOnlyHosts, applicationRule);
}
