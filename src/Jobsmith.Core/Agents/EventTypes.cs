namespace Jobsmith.Core.Agents;

/// <summary>The event vocabulary of K2. Features add their types here so the list stays in one place.</summary>
public static class EventTypes
{
    public const string AccountRegistered = "account.registered";
    public const string PasswordResetRequested = "account.password_reset_requested";
    public const string RegistrationForExistingEmail = "account.registration_for_existing_email";
    public const string ResumeUploaded = "resume.uploaded";
    /// <summary>A batch of postings was added or changed by an import, a source run or a search (ids of both).</summary>
    public const string PostingsStored = "job.postings_stored";
    public const string JobMatchFound = "job.match_found";
    public const string DraftReady = "draft.ready";
    public const string ApprovalRequested = "approval.requested";
    public const string Submitted = "application.submitted";
    public const string Escalated = "application.escalated";
    public const string ReplyReceived = "reply.received";
    public const string StatusChanged = "application.status_changed";
    public const string FeedbackGiven = "feedback.given";
    public const string InterviewCompleted = "interview.completed";
    public const string SkillVerified = "skill.verified";
    public const string MarketUpdate = "market.update";
    /// <summary>A candidate started or resumed their job-search agent (K3): the matcher catches up at once.</summary>
    public const string AgentStarted = "agent.started";
}
