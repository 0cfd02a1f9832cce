using Microsoft.Extensions.Logging;
using Quartz;

namespace Jobsmith.Core.Reports;

/// <summary>
/// Runs <see cref="WeeklyReportSweep"/> every few minutes on a worker. One periodic job serves every time zone: each
/// candidate's report is due at their own Monday 09:00, and the stored reports make each one happen once.
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class WeeklyReportJob(WeeklyReportSweep sweep, ILogger<WeeklyReportJob> logger) : IJob
{
    public static readonly JobKey Key = new("weekly-reports", "system");

    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var (written, emailed) = await sweep.RunAsync(cancellationToken);
        if (written + emailed > 0) Done(logger, written, emailed);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Weekly reports: {Written} written, {Emailed} emailed")]
    private static partial void Done(ILogger logger, int written, int emailed);
}
