using Microsoft.Extensions.Logging;
using Quartz;

namespace Jobsmith.Core.Plans;

/// <summary>Runs <see cref="PlanRenewals"/> periodically on a worker: expiry notices, period ends, local renewals.</summary>
[DisallowConcurrentExecution]
public sealed partial class PlanRenewalJob(PlanRenewals renewals, ILogger<PlanRenewalJob> logger) : IJob
{
    public static readonly JobKey Key = new("plan-renewals", "system");

    /// <summary>Notices go out days ahead, so hourly is plenty; a period end is acted on within the hour.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var handled = await renewals.RunAsync(cancellationToken);
        if (handled > 0) Handled(logger, handled);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Plan renewals: {Count} subscriptions noticed, ended or renewed")]
    private static partial void Handled(ILogger logger, int count);
}
