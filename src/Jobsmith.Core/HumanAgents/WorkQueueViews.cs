using Jobsmith.Core.Applications.Submission;
using Jobsmith.Core.Documents;

namespace Jobsmith.Core.HumanAgents;

/// <summary>One assignment as its agent (or an admin) sees it: the job, the reason, where it stands.</summary>
/// <param name="NeedsVerdict">The send may have gone out: completing it means saying whether it did.</param>
public sealed record AssignmentCard(
    Guid Id, Guid ApplicationId, string Company, string Title, string Reason, string ReasonLabel, string? ReasonText, string Status,
    bool HasScreenshot, bool NeedsVerdict, string? Notes, string? Outcome, bool HasProof, DateTime AssignedAt, DateTime? ClaimedAt,
    DateTime? FinishedAt, int Revision)
{
    public bool IsOpen => AssignmentStatus.IsOpen(Status);
}

/// <summary>The newest version of one prepared document, read-only.</summary>
public sealed record MaterialDocument(Guid Id, string Kind, int Version, string Status, IReadOnlyList<DocumentLine> Lines);

/// <summary>Everything an agent needs to apply by hand, and nothing else of the candidate's (A2).</summary>
public sealed record AssignmentMaterial(
    AssignmentCard Assignment, string? ApplyUrl, string Location, string Description, CandidateContact Candidate,
    IReadOnlyList<MaterialDocument> Documents);

public enum QueueStatus { Done, NotFound, Conflict, Invalid }

/// <summary>The outcome of a queue action; <see cref="QueueStatus.Conflict"/> when someone else acted first.</summary>
public sealed record QueueResult(QueueStatus Status, AssignmentCard? Assignment = null, string? Error = null)
{
    public static QueueResult NotFound() => new(QueueStatus.NotFound, Error: "There is no such assignment in your queue.");
    public static QueueResult Invalid(string error) => new(QueueStatus.Invalid, Error: error);
    public static QueueResult Conflict(string error) => new(QueueStatus.Conflict, Error: error);
}

/// <summary>A file the agent attaches as proof (a screenshot of the confirmation, the confirmation email).</summary>
public sealed record ProofUpload(string FileName, byte[] Content);
