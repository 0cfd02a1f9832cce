using Quartz;

namespace Jobsmith.Core.Jobs.Search;

/// <summary>A scheduled run of one candidate's search.</summary>
[DisallowConcurrentExecution]
public sealed class JobSearchRunJob(JobSearchRunner runner) : IJob
{
    public const string SearchIdKey = "searchId";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        if (!Guid.TryParse(context.MergedJobDataMap.GetString(SearchIdKey), out var id))
            throw new JobExecutionException("search run without a search id");
        await runner.RunAsync(id, cancellationToken);
    }
}
