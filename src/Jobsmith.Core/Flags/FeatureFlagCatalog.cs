namespace Jobsmith.Core.Flags;

public sealed record FeatureFlagDefinition(string Name, string Group, string Description, bool DefaultEnabled);

/// <summary>
/// Every flag of A4: seed 000's list, one per agent, per delivery channel and per job source. The big
/// boards are off by default: they must be switched on deliberately, per the product's rules.
/// </summary>
public static class FeatureFlagCatalog
{
    public const string AiAgents = "AiAgents";
    public const string HumanAgents = "HumanAgents";
    public const string EasyApply = "EasyApply";
    public const string FormFill = "FormFill";
    public const string WeeklyReports = "WeeklyReports";
    public const string SmsNotifications = "SmsNotifications";
    public const string FeedbackOptimization = "FeedbackOptimization";

    public static readonly IReadOnlyList<string> Agents =
        ["resume-analyzer", "job-discovery", "matcher", "tailor", "submission", "inbox", "notifications", "feedback-optimizer", "reports", "orchestrator"];

    public static readonly IReadOnlyList<string> Channels = ["browser-form", "email", "manual", "human-agent"];

    public static readonly IReadOnlyList<string> Sources =
        ["greenhouse", "lever", "ashby", "workable", "jsonld", "rss", "csv", "jsonresume-job", "paste", "adzuna", "jooble", "remotive", "remoteok", "arbeitnow"];

    /// <summary>The big boards of C3: flags exist and default to off.</summary>
    public static readonly IReadOnlyList<string> BigBoards = ["linkedin", "indeed", "glassdoor", "naukri"];

    public static string AgentFlag(string agent) => $"Agent.{agent}";

    public static string ChannelFlag(string channel) => $"Channel.{channel}";

    public static string SourceFlag(string source) => $"Source.{source}";

    public static readonly IReadOnlyList<FeatureFlagDefinition> All =
    [
        new(AiAgents, "platform", "All AI agents may run", true),
        new(HumanAgents, "platform", "Applications may be handed to human agents", true),
        new(EasyApply, "platform", "Easy-Apply-style wizards may be filled", true),
        new(FormFill, "platform", "Web application forms may be filled in a browser", true),
        new(WeeklyReports, "platform", "Weekly reports are generated and emailed", true),
        new(SmsNotifications, "platform", "SMS notifications are sent (needs an SMS provider)", false),
        new(FeedbackOptimization, "platform", "Feedback is turned into learned preference adjustments", true),
        .. Agents.Select(a => new FeatureFlagDefinition(AgentFlag(a), "agent", $"The {a} agent runs", true)),
        .. Channels.Select(c => new FeatureFlagDefinition(ChannelFlag(c), "channel", $"Applications may be delivered through {c}", true)),
        .. Sources.Select(s => new FeatureFlagDefinition(SourceFlag(s), "source", $"Jobs are fetched from {s}", true)),
        .. BigBoards.Select(s => new FeatureFlagDefinition(SourceFlag(s), "source", $"Jobs are fetched from {s} (rate-limited guest endpoints)", false)),
    ];

    public static FeatureFlagDefinition? Find(string name) =>
        All.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));
}
