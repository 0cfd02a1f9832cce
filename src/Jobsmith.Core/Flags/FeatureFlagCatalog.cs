namespace Jobsmith.Core.Flags;

public sealed record FeatureFlagDefinition(string Name, string Group, string Description, bool DefaultEnabled);

/// <summary>
/// Every flag of A4 that has something behind it: a flag is listed only once code obeys it (a guard test checks each
/// is read), so an admin never flips a switch that does nothing. Flags for agents, delivery channels and platform
/// features that are not built yet (tailoring, submission, inbox, reports, human agents, SMS, form filling) join the
/// catalogue with the code that obeys them. The big boards are off by default: they must be switched on deliberately.
/// </summary>
public static class FeatureFlagCatalog
{
    /// <summary>Master switch: off stops every agent, whatever its own flag says.</summary>
    public const string AiAgents = "AiAgents";

    /// <summary>Feedback becomes learned preference changes (D5); off leaves new feedback unprocessed until it is back on.</summary>
    public const string FeedbackOptimization = "FeedbackOptimization";

    /// <summary>Reads a text resume with the language model on upload; off keeps the rule-based reading only.</summary>
    public const string ResumeAnalyzer = "resume-analyzer";

    /// <summary>Runs candidates' saved job searches.</summary>
    public const string JobDiscovery = "job-discovery";

    /// <summary>Ranks jobs for a candidate.</summary>
    public const string Matcher = "matcher";

    /// <summary>Sends the notifications that events call for (welcome and the like).</summary>
    public const string Notifications = "notifications";

    /// <summary>The periodic optimizer behind <see cref="FeedbackOptimization"/>.</summary>
    public const string FeedbackOptimizer = "feedback-optimizer";

    /// <summary>Routes escalated applications to human agents or back to the candidate (F4, F5).</summary>
    public const string HumanAgents = "human-agents";

    /// <summary>Approves drafts by a candidate's own auto-apply rule (F2); off leaves every draft for the candidate.</summary>
    public const string AutoApply = "auto-apply";

    /// <summary>Drafts tailored applications for a running agent's best new matches and asks the candidate to approve them (K3).</summary>
    public const string Drafter = "drafter";

    public static readonly IReadOnlyList<string> Agents = [ResumeAnalyzer, JobDiscovery, Matcher, Drafter, Notifications, FeedbackOptimizer, HumanAgents, AutoApply];

    public static readonly IReadOnlyList<string> Sources =
        ["greenhouse", "lever", "ashby", "workable", "jsonld", "rss", "csv", "jsonresume-job", "paste", "adzuna", "jooble", "remotive", "remoteok", "arbeitnow"];

    /// <summary>The big boards of C3: flags exist and default to off.</summary>
    public static readonly IReadOnlyList<string> BigBoards = ["linkedin", "indeed", "glassdoor", "naukri"];

    public static string AgentFlag(string agent) => $"Agent.{agent}";

    public static string SourceFlag(string source) => $"Source.{source}";

    public static readonly IReadOnlyList<FeatureFlagDefinition> All =
    [
        new(AiAgents, "platform", "All AI agents may run", true),
        new(FeedbackOptimization, "platform", "Feedback is turned into learned preference adjustments", true),
        .. Agents.Select(a => new FeatureFlagDefinition(AgentFlag(a), "agent", $"The {a} agent runs", true)),
        .. Sources.Select(s => new FeatureFlagDefinition(SourceFlag(s), "source", $"Jobs are fetched from {s}", true)),
        .. BigBoards.Select(s => new FeatureFlagDefinition(SourceFlag(s), "source", $"Jobs are fetched from {s} (rate-limited guest endpoints)", false)),
    ];

    public static FeatureFlagDefinition? Find(string name) =>
        All.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));
}
