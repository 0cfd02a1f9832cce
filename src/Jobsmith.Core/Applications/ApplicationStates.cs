namespace Jobsmith.Core.Applications;

/// <summary>
/// F1: the states an application moves through and the only moves allowed between them. The main line is
/// matched → drafted → awaiting_approval → approved → queued → submitting → applied; escalated, failed,
/// rejected_by_user and withdrawn are side states; interview, offer and rejected follow an application that was sent.
/// </summary>
public static class ApplicationStates
{
    public const string Matched = "matched";
    public const string Drafted = "drafted";
    public const string AwaitingApproval = "awaiting_approval";
    public const string Approved = "approved";
    public const string Queued = "queued";
    public const string Submitting = "submitting";
    public const string Applied = "applied";
    public const string Escalated = "escalated";
    public const string Failed = "failed";
    public const string RejectedByUser = "rejected_by_user";
    public const string Withdrawn = "withdrawn";
    public const string Interview = "interview";
    public const string Offer = "offer";
    public const string Rejected = "rejected";

    // Why each side door exists: a draft can be regenerated or edited (back to drafted); a candidate who rejected a
    // draft may change their mind; an escalation ends with a human who sent it (applied), hands it back for another
    // try (queued), or gives up (failed); a failed send can be queued again by the candidate. Nothing leaves
    // submitting except by its outcome, so a send in flight can never be approved, edited or queued twice.
    private static readonly Dictionary<string, string[]> Moves = new(StringComparer.Ordinal)
    {
        [Matched] = [Drafted, Withdrawn],
        [Drafted] = [Drafted, AwaitingApproval, Withdrawn],
        [AwaitingApproval] = [Approved, RejectedByUser, Drafted, Withdrawn],
        [Approved] = [Queued, Drafted, Withdrawn],
        [Queued] = [Submitting, Escalated, Withdrawn],
        [Submitting] = [Applied, Escalated, Failed],
        [Escalated] = [Queued, Applied, Failed, Withdrawn],
        [Failed] = [Queued, Withdrawn],
        [RejectedByUser] = [Drafted, Withdrawn],
        [Applied] = [Interview, Offer, Rejected, Withdrawn],
        [Interview] = [Interview, Offer, Rejected, Withdrawn],
        [Offer] = [Withdrawn],
        [Rejected] = [],
        [Withdrawn] = [],
    };

    public static IReadOnlyCollection<string> All => Moves.Keys;

    public static bool IsKnown(string state) => state is not null && Moves.ContainsKey(state);

    public static bool CanMove(string from, string to) => Moves.TryGetValue(from, out var next) && next.Contains(to, StringComparer.Ordinal);

    /// <summary>Where an application in <paramref name="from"/> may go next.</summary>
    public static IReadOnlyList<string> NextFrom(string from) => Moves.TryGetValue(from, out var next) ? next : [];

    /// <summary>
    /// The moves a candidate makes by hand (API, page, CLI): withdraw, try a failed one again, say they applied
    /// themselves to one that waited for a person, and record the employer's news. Approving, rejecting a draft and
    /// sending go through their own use cases, which check documents and permissions first.
    /// </summary>
    public static bool CandidateMayMove(string from, string to) => CanMove(from, to) && (to, from) switch
    {
        (Withdrawn, _) => true,
        (Queued, Failed) => true,
        (Applied, Escalated) => true,
        (Interview or Offer or Rejected, _) => true,
        _ => false,
    };

    /// <summary>No further move except possibly a withdrawal or employer news: nothing is left for Jobsmith to send.</summary>
    public static bool IsSent(string state) => state is Applied or Interview or Offer or Rejected;
}
