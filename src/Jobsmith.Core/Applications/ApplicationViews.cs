namespace Jobsmith.Core.Applications;

public sealed record ApplicationView(
    Guid Id, Guid PostingId, string State, string? StateReason, DateTime CreatedAt, DateTime UpdatedAt, int Revision,
    IReadOnlyList<string> NextStates)
{
    internal static ApplicationView Of(JobApplication a) =>
        new(a.Id, a.PostingId, a.State, a.StateReason, a.CreatedAt, a.UpdatedAt, a.Revision, ApplicationStates.NextFrom(a.State));
}

public sealed record ApplicationLogView(string? FromState, string ToState, string ActorKind, string? ActorId, string? Details, DateTime At);

public sealed record ApplicationDetail(ApplicationView Application, IReadOnlyList<ApplicationLogView> Log);

public enum ApplicationMoveStatus { Moved, NotFound, Illegal, Conflict }

/// <summary>
/// The outcome of a requested move: <see cref="ApplicationMoveStatus.Conflict"/> when someone else moved the
/// application since the caller read it (a double-click, two tabs); the caller re-reads rather than guessing.
/// </summary>
public sealed record ApplicationMove(ApplicationMoveStatus Status, ApplicationView? Application = null, string? Error = null);
