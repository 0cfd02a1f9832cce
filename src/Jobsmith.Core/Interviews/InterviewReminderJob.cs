using Microsoft.Extensions.Logging;
using Quartz;

namespace Jobsmith.Core.Interviews;

/// <summary>Runs <see cref="InterviewReminders"/> every minute on a worker; the marks in the database make each reminder go out once.</summary>
[DisallowConcurrentExecution]
public sealed partial class InterviewReminderJob(InterviewReminders reminders, ILogger<InterviewReminderJob> logger) : IJob
{
    public static readonly JobKey Key = new("interview-reminders", "system");

    /// <summary>A reminder is at most this late; an hour-before reminder a minute late is still useful.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var sent = await reminders.RunAsync(cancellationToken);
        if (sent > 0) Sent(logger, sent);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Interview reminders: {Count} sent")]
    private static partial void Sent(ILogger logger, int count);
}
