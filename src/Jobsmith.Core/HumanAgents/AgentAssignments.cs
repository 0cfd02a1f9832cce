using Jobsmith.Core.Accounts;
using Jobsmith.Core.Applications;
using Jobsmith.Core.Applications.Submission;
using Jobsmith.Core.Data;
using Jobsmith.Core.Documents;
using Jobsmith.Core.Jobs.Store;
using Jobsmith.Core.Notifications;
using Jobsmith.Core.Profiles.Store;
using Microsoft.EntityFrameworkCore;

namespace Jobsmith.Core.HumanAgents;

/// <summary>
/// A human agent's work queue (F5): list, claim, open the material, complete with proof, return with notes. Every
/// call is scoped to the agent's own assignments; another agent's is simply not found, and the candidate's material is
/// readable only while the agent holds a claimed assignment for that application (A2).
/// </summary>
public sealed class AgentAssignments(AppDbContext db, DocumentService documents, ProfileStore profiles, SendVerdicts verdicts,
    NotificationCenter notifications, ProofFiles files, ProofStore proofStore, TimeProvider clock)
{
    public const int RecentFinished = 20;

    /// <summary>Open assignments oldest first (first in, first handled), then the most recently finished ones.</summary>
    public async Task<IReadOnlyList<AssignmentCard>> ListAsync(string agentId, CancellationToken cancellationToken)
    {
        var mine = db.Set<Assignment>().Where(a => a.AgentUserId == agentId);
        var open = await AssignmentCards.ReadAsync(db, mine.Open(), cancellationToken);
        var done = await AssignmentCards.ReadAsync(db, mine.Where(a => a.Status == AssignmentStatus.Completed || a.Status == AssignmentStatus.Returned)
            .OrderByDescending(a => a.FinishedAt).Take(RecentFinished), cancellationToken);
        return [.. open.OrderBy(c => c.AssignedAt), .. done.OrderByDescending(c => c.FinishedAt)];
    }

    public async Task<AssignmentCard?> GetAsync(string agentId, Guid id, CancellationToken cancellationToken) =>
        (await AssignmentCards.ReadAsync(db, db.Set<Assignment>().Where(a => a.Id == id && a.AgentUserId == agentId), cancellationToken)).SingleOrDefault();

    /// <summary>Takes an assigned job on. Of two claims at once (two tabs, a reassignment) exactly one wins.</summary>
    public async Task<QueueResult> ClaimAsync(string agentId, Guid id, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        // One conditional update: the database settles a race, and the loser reads what happened instead of failing.
        var claimed = await db.Set<Assignment>()
            .Where(a => a.Id == id && a.AgentUserId == agentId && a.Status == AssignmentStatus.Assigned)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, AssignmentStatus.Claimed).SetProperty(a => a.ClaimedAt, now)
                .SetProperty(a => a.Revision, a => a.Revision + 1), cancellationToken);
        var card = await GetAsync(agentId, id, cancellationToken);
        if (card is null) return QueueResult.NotFound();
        return claimed == 1 ? new(QueueStatus.Done, card) : new(QueueStatus.Conflict, card, card.Status == AssignmentStatus.Claimed
            ? "You have already claimed this assignment."
            : $"This assignment is {card.Status} and cannot be claimed.");
    }

    /// <summary>The job and the prepared material, for a claimed assignment only.</summary>
    public async Task<AssignmentMaterial?> OpenAsync(string agentId, Guid id, CancellationToken cancellationToken)
    {
        if (await GetAsync(agentId, id, cancellationToken) is not { Status: AssignmentStatus.Claimed } card) return null;
        var owner = await db.Set<Assignment>().AsNoTracking().Where(a => a.Id == id).Select(a => new { a.CandidateUserId, a.ApplicationId }).FirstAsync(cancellationToken);
        var postingId = await db.Set<JobApplication>().AsNoTracking().Where(a => a.Id == owner.ApplicationId).Select(a => a.PostingId).FirstAsync(cancellationToken);
        var posting = await db.Set<StoredPosting>().AsNoTracking().FirstAsync(p => p.Id == postingId, cancellationToken);
        var versions = await documents.ListAsync(owner.CandidateUserId, postingId, cancellationToken);
        // The newest approved version of each kind, or the newest draft when none is approved yet.
        var prepared = DocumentKinds.All
            .Select(kind => versions.Where(d => d.Kind == kind).OrderByDescending(d => d.Status == DocumentStatus.Approved).ThenByDescending(d => d.Version).FirstOrDefault())
            .OfType<DocumentView>()
            .Select(d => new MaterialDocument(d.Id, d.Kind, d.Version, d.Status, d.Lines))
            .ToList();
        return new AssignmentMaterial(card, posting.ApplyUrl ?? posting.CanonicalUrl, LocationOf(posting.LocationsJson),
            TextTruncation.Truncate(posting.DescriptionText, 20_000, ellipsis: true) ?? "", await ContactAsync(owner.CandidateUserId, cancellationToken), prepared);
    }

    /// <summary>
    /// One of the documents a claimed assignment shows, to download as the file the agent uploads for the candidate;
    /// null for any other document, another agent's assignment, or one not claimed (A2).
    /// </summary>
    public async Task<DocumentView?> DocumentAsync(string agentId, Guid id, Guid documentId, CancellationToken cancellationToken)
    {
        if (await OpenAsync(agentId, id, cancellationToken) is not { } material || material.Documents.All(d => d.Id != documentId)) return null;
        var owner = await db.Set<Assignment>().AsNoTracking().Where(a => a.Id == id).Select(a => a.CandidateUserId).FirstAsync(cancellationToken);
        return await documents.GetAsync(owner, documentId, cancellationToken);
    }

    /// <summary>The escalation screenshot's file, while the assignment is the agent's and open.</summary>
    public async Task<string?> ScreenshotAsync(string agentId, Guid id, CancellationToken cancellationToken)
    {
        var path = await db.Set<Assignment>().AsNoTracking().Open()
            .Where(a => a.Id == id && a.AgentUserId == agentId).Select(a => a.ScreenshotPath).FirstOrDefaultAsync(cancellationToken);
        return files.FullPath(path);
    }

    /// <summary>
    /// The agent applied (or checked a send that needed checking): records the verdict, the note and the proof, and moves
    /// the application — applied when it was sent, queued again when a checked send turned out not to have gone out.
    /// </summary>
    public async Task<QueueResult> CompleteAsync(string agentId, Guid id, string? note, string? verdict, ProofUpload? proof, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(note)) return QueueResult.Invalid("Say what you did in a note.");
        if (note.Length > Assignment.MaxNotes) return QueueResult.Invalid($"The note must be at most {Assignment.MaxNotes} characters.");
        if (verdict is not null && !SendVerdict.IsKnown(verdict)) return QueueResult.Invalid("The verdict is \"sent\" or \"not_sent\".");
        if (proof is not null && ProofFiles.Check(proof.FileName, proof.Content.LongLength) is { } fileError) return QueueResult.Invalid(fileError);

        var (assignment, application, problem) = await LoadClaimedAsync(agentId, id, cancellationToken);
        if (problem is not null) return problem;
        var record = await verdicts.RecordOfAsync(application!.Id, cancellationToken);
        if (SendVerdicts.NeedsChecking(record))
        {
            if (verdict is null) return QueueResult.Invalid("This send may have gone out: say whether it was sent or not.");
        }
        else if (verdict == SendVerdict.NotSent)
        {
            return QueueResult.Invalid("Only a send that needs checking can be marked not sent; return the assignment instead.");
        }

        var now = clock.GetUtcNow();
        string? stored = null;
        if (proof is not null)
        {
            (stored, assignment!.ProofSha256) = await files.SaveProofAsync(assignment!.Id, proof.FileName, proof.Content, cancellationToken);
            assignment.ProofPath = stored;
            assignment.ProofFileName = Path.GetFileName(proof.FileName.Replace('\\', '/')).Truncate(255);
        }
        var outcome = verdict ?? SendVerdict.Sent;
        await verdicts.RecordAsync(application, outcome, ApplicationActor.HumanAgent(agentId), ChannelNames.HumanAgent,
            TextTruncation.Truncate(outcome == SendVerdict.Sent ? $"Sent by a human agent: {note.Trim()}" : $"Checked by a human agent, not sent: {note.Trim()}", JobApplication.MaxDetails)!,
            cancellationToken);
        await RecordAttemptAsync(application, assignment!, outcome, note.Trim(), proof, now, cancellationToken);
        assignment!.Status = AssignmentStatus.Completed;
        assignment.Outcome = outcome;
        assignment.Notes = note.Trim();
        assignment.FinishedAt = now.UtcDateTime;
        assignment.Revision++;
        return await SaveAsync(agentId, id, stored, cancellationToken);
    }

    /// <summary>
    /// F7: the agent's send is an attempt like a channel's, so the candidate and an admin see it, with the agent's proof
    /// file, under "What was sent" on the application page. The assignment keeps its own copy for the agent's queue.
    /// </summary>
    private async Task RecordAttemptAsync(JobApplication application, Assignment assignment, string outcome, string note, ProofUpload? proof,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var attempt = new SubmissionAttempt
        {
            Id = Guid.CreateVersion7(now), ApplicationId = application.Id, UserId = application.UserId, Channel = ChannelNames.HumanAgent,
            Outcome = outcome == SendVerdict.Sent ? AttemptOutcomes.Sent : AttemptOutcomes.NotSent,
            Details = TextTruncation.Truncate($"By a human agent: {note}", JobApplication.MaxDetails)!,
            StartedAt = assignment.ClaimedAt ?? now.UtcDateTime, FinishedAt = now.UtcDateTime,
        };
        db.Add(attempt);
        if (proof is not null)
            await proofStore.KeepAsync(attempt, [new ProofItem("agent_proof", proof.FileName, ProofFiles.ContentTypeOf(proof.FileName), proof.Content)], cancellationToken);
    }

    /// <summary>Gives the job back with notes: queued for another automatic try, or handed to the candidate.</summary>
    public async Task<QueueResult> ReturnAsync(string agentId, Guid id, string? notes, string? to, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(notes)) return QueueResult.Invalid("Say why you are returning it in a note.");
        if (notes.Length > Assignment.MaxNotes) return QueueResult.Invalid($"The note must be at most {Assignment.MaxNotes} characters.");
        if (to is not (ReturnTargets.Retry or ReturnTargets.Candidate)) return QueueResult.Invalid("Return it for another try (\"retry\") or to the candidate (\"candidate\").");

        var (assignment, application, problem) = await LoadClaimedAsync(agentId, id, cancellationToken, allowUnclaimed: true);
        if (problem is not null) return problem;
        var now = clock.GetUtcNow();
        if (to == ReturnTargets.Retry)
        {
            // A send that may have gone out is never retried blindly (F6): a person must say whether it went.
            if (SendVerdicts.NeedsChecking(await verdicts.RecordOfAsync(application!.Id, cancellationToken)))
                return QueueResult.Invalid("This send may have gone out: complete it with a verdict, or return it to the candidate.");
            application!.Move(ApplicationStates.Queued, ApplicationActor.HumanAgent(agentId), TextTruncation.Truncate($"Returned for another try: {notes.Trim()}", JobApplication.MaxDetails), now);
        }
        else
        {
            var title = await db.Set<StoredPosting>().AsNoTracking().Where(p => p.Id == application!.PostingId).Select(p => p.Title + " at " + p.Company).FirstAsync(cancellationToken);
            notifications.Stage(application!.UserId, "escalation", $"{title} needs you", TextTruncation.Truncate($"A human agent could not finish it: {notes.Trim()}", 4000)!);
        }
        assignment!.Status = AssignmentStatus.Returned;
        assignment.Outcome = to;
        assignment.Notes = notes.Trim();
        assignment.FinishedAt = now.UtcDateTime;
        assignment.Revision++;
        return await SaveAsync(agentId, id, null, cancellationToken);
    }

    private async Task<(Assignment? Assignment, JobApplication? Application, QueueResult? Problem)> LoadClaimedAsync(
        string agentId, Guid id, CancellationToken cancellationToken, bool allowUnclaimed = false)
    {
        var assignment = await db.Set<Assignment>().FirstOrDefaultAsync(a => a.Id == id && a.AgentUserId == agentId, cancellationToken);
        if (assignment is null) return (null, null, QueueResult.NotFound());
        if (assignment.Status == AssignmentStatus.Assigned && !allowUnclaimed) return (null, null, QueueResult.Conflict("Claim the assignment first."));
        if (!AssignmentStatus.IsOpen(assignment.Status)) return (null, null, QueueResult.Conflict($"This assignment is already {assignment.Status}."));
        var application = await db.Set<JobApplication>().FirstAsync(a => a.Id == assignment.ApplicationId, cancellationToken);
        if (application.State != ApplicationStates.Escalated)
            return (null, null, QueueResult.Conflict($"The application is {application.State.Replace('_', ' ')} now; someone else moved it."));
        return (assignment, application, null);
    }

    private async Task<QueueResult> SaveAsync(string agentId, Guid id, string? storedProof, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            if (storedProof is not null) files.Delete(storedProof);
            return new(QueueStatus.Conflict, await GetAsync(agentId, id, cancellationToken), "Someone else changed this assignment or its application at the same time.");
        }
        return new(QueueStatus.Done, await GetAsync(agentId, id, cancellationToken));
    }

    private async Task<CandidateContact> ContactAsync(string candidateId, CancellationToken cancellationToken)
    {
        var facts = (await profiles.GetAsync(candidateId, cancellationToken)).Facts.Where(f => !f.Deleted).ToList();
        string? Fact(string kind) => facts.FirstOrDefault(f => f.Kind == kind)?.Value;
        var account = await db.Set<JobsmithUser>().AsNoTracking().Where(u => u.Id == candidateId).Select(u => new { u.Email, u.DisplayName }).FirstAsync(cancellationToken);
        return new CandidateContact(Fact("name") ?? account.DisplayName, Fact("email") ?? account.Email ?? "", Fact("phone"), Fact("location"));
    }

    private static string LocationOf(string locationsJson) => string.Join("; ", PostingMapper.Strings(locationsJson));
}
