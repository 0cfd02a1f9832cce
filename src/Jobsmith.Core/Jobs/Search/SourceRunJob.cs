using Quartz;

namespace Jobsmith.Core.Jobs.Search;

/// <summary>A scheduled (or admin-triggered) full run of one source. One at a time per source.</summary>
[DisallowConcurrentExecution]
public sealed class SourceRunJob(SourceRunner runner) : IJob
{
    public const string KindKey = "kind";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var kind = context.MergedJobDataMap.GetString(KindKey) ?? throw new JobExecutionException("source run without a kind");
        await runner.RunAsync(kind, cancellationToken);
    }
}
