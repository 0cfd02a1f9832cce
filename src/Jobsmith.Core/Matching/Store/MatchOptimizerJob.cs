using Microsoft.Extensions.Logging;
using Quartz;

namespace Jobsmith.Core.Matching.Store;

/// <summary>The periodic optimizer (D5): every candidate with new feedback gets their learned changes.</summary>
[DisallowConcurrentExecution]
public sealed partial class MatchOptimizerJob(FeedbackOptimizer optimizer, ILogger<MatchOptimizerJob> logger) : IJob
{
    public static readonly JobKey Key = new("match-optimizer", "system");

    /// <summary>How often new feedback becomes learned changes: often enough to feel responsive, rare enough to batch.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(15);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var changes = await optimizer.OptimizeAllAsync(cancellationToken);
        if (changes > 0) Learned(logger, changes);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Match optimizer stored {Changes} learned changes")]
    private static partial void Learned(ILogger logger, int changes);
}
