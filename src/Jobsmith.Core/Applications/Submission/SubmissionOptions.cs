namespace Jobsmith.Core.Applications.Submission;

/// <summary>
/// Section "Submissions": how fast and how often Jobsmith may send on someone's behalf (F3, F4, F8). The defaults are
/// deliberately slow: a site that sees a burst of applications from one address bans the account, not the tool.
/// </summary>
public sealed class SubmissionOptions
{
    public const string Section = "Submissions";

    /// <summary>Sites whose terms forbid automated applying: the candidate applies there themselves, with Jobsmith's material.</summary>
    public List<string> AssistOnlyHosts { get; set; } = ["linkedin.com", "indeed.com", "glassdoor.com", "ziprecruiter.com"];

    /// <summary>At most this many sends to one site (host) per UTC day, across all of a candidate's applications.</summary>
    public int DailyCapPerSite { get; set; } = 10;

    /// <summary>At least this long between two sends of one candidate to the same site.</summary>
    public int SecondsBetweenSendsToOneSite { get; set; } = 90;

    /// <summary>Tries of one application before it stays failed; waits double from <see cref="FirstRetrySeconds"/>.</summary>
    public int MaxAttempts { get; set; } = 3;

    public int FirstRetrySeconds { get; set; } = 60;

    /// <summary>How long a send belongs to the worker that began it; after that it counts as interrupted (needs checking).</summary>
    public int SendLeaseSeconds { get; set; } = 600;

    /// <summary>How often the worker looks for queued applications that are due.</summary>
    public int PollSeconds { get; set; } = 15;

    /// <summary>Relative to the data directory: screenshots and sent messages kept as proof (F7).</summary>
    public string ProofFolder { get; set; } = "proof";
}
