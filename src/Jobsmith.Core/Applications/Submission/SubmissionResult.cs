namespace Jobsmith.Core.Applications.Submission;

public enum SubmissionOutcome
{
    /// <summary>The other side confirmed it (a confirmation page, an accepted SMTP transaction).</summary>
    Sent,
    /// <summary>Nothing left Jobsmith (refused before the final send, or a dry run): safe to try again.</summary>
    NotSent,
    /// <summary>Something may have left but nobody can tell: a person checks before anything is retried.</summary>
    Unknown,
    /// <summary>Stopped before the final send for a reason a person must handle (see <see cref="EscalationReasons"/>).</summary>
    Escalate,
}

/// <summary>F4: why a channel handed an application to a person.</summary>
public static class EscalationReasons
{
    public const string Captcha = "captcha";
    public const string LoginWall = "login_wall";
    public const string UnknownQuestion = "unknown_question";
    public const string Complexity = "complexity";
    public const string SiteError = "site_error";
    public const string FileRejected = "file_rejected";
    public const string NoChannel = "no_channel";
    /// <summary>A send began and nobody can tell whether it went out (a dead worker, a timeout after the final click).</summary>
    public const string NeedsChecking = "needs_checking";
    /// <summary>The candidate applies themselves with the prepared material and marks it done (the manual channel).</summary>
    public const string Manual = "manual";
}

public static class ProofKinds
{
    public const string FilledForm = "filled_form";
    public const string Confirmation = "confirmation";
    public const string Escalation = "escalation";
    public const string SentEmail = "sent_email";
}

/// <summary>F7: evidence of what a channel did: a screenshot (PNG), the sent message (.eml), a page's text.</summary>
public sealed record ProofItem(string Kind, string FileName, string ContentType, byte[] Content, string? Note = null);

/// <summary>What a channel reports; <see cref="Details"/> is shown to the candidate, so it is plain language.</summary>
/// <param name="Escalation">One of <see cref="EscalationReasons"/> when <see cref="Outcome"/> is Escalate.</param>
/// <param name="Filled">The questions the channel answered and how, for the audit (values of sensitive fields are not repeated).</param>
/// <param name="Confirmation">What the site showed or returned on success (a confirmation text, a reference number).</param>
public sealed record SubmissionResult(
    SubmissionOutcome Outcome,
    string Details,
    string? Escalation = null,
    IReadOnlyList<ProofItem>? Proof = null,
    IReadOnlyList<string>? Filled = null,
    string? Confirmation = null)
{
    public IReadOnlyList<ProofItem> ProofItems => Proof ?? [];
}
