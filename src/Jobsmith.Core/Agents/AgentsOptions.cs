using System.ComponentModel.DataAnnotations;

namespace Jobsmith.Core.Agents;

/// <summary>Section "Agents": background-work tuning.</summary>
public sealed class AgentsOptions
{
    public const string Section = "Agents";

    /// <summary>How often committed events are swept into jobs when no in-process nudge arrives (other nodes' events).</summary>
    [Range(0.2, 600)]
    public double DispatchIntervalSeconds { get; set; } = 2;

    [Range(1, 20)]
    public int MaxAttempts { get; set; } = 5;

    [Range(0.1, 3600)]
    public double RetryBaseDelaySeconds { get; set; } = 5;

    [Range(1, 64)]
    public int MaxConcurrency { get; set; } = 4;
}
