using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Jobsmith.Core.Agents;

/// <summary>
/// Operators' view of the agents (I1) as OpenTelemetry instruments: the host exports meter <see cref="MeterName"/>
/// (to Prometheus when configured). Tags are the agent name and outcome only — never a user id, which would make
/// one time series per candidate.
/// </summary>
public static class AgentMetrics
{
    public const string MeterName = "Jobsmith.Agents";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> Tasks = Meter.CreateCounter<long>("jobsmith.agent.tasks", "{task}", "Agent tasks finished, by agent and outcome");
    private static readonly Histogram<double> Durations = Meter.CreateHistogram<double>("jobsmith.agent.task.duration", "s", "How long an agent task ran");
    private static readonly Counter<long> AiTokens = Meter.CreateCounter<long>("jobsmith.ai.tokens", "{token}", "Model tokens used, by provider, kind and direction");
    private static readonly Counter<long> AiCalls = Meter.CreateCounter<long>("jobsmith.ai.calls", "{call}", "Model calls, by provider, kind and outcome");

    public static void TaskFinished(string agent, bool failed, TimeSpan duration)
    {
        var tags = new TagList { { "agent", agent }, { "outcome", failed ? "failed" : "completed" } };
        Tasks.Add(1, tags);
        Durations.Record(duration.TotalSeconds, tags);
    }

    public static void AiCall(string provider, string kind, long inputTokens, long outputTokens, bool failed)
    {
        AiCalls.Add(1, new TagList { { "provider", provider }, { "kind", kind }, { "outcome", failed ? "failed" : "completed" } });
        if (inputTokens > 0) AiTokens.Add(inputTokens, new TagList { { "provider", provider }, { "kind", kind }, { "direction", "input" } });
        if (outputTokens > 0) AiTokens.Add(outputTokens, new TagList { { "provider", provider }, { "kind", kind }, { "direction", "output" } });
    }
}
