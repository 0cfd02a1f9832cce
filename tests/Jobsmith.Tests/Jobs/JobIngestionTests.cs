using Jobsmith.Core.Jobs;
using Jobsmith.Core.Jobs.Fetching;
using Jobsmith.Tests.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Jobsmith.Tests.Jobs;

public sealed class JobIngestionTests
{
    [SkippableFact]
    public async Task Importing_the_ashby_folder_through_the_registered_services()
    {
        var folder = SharedData.Require("jobs", "ashby");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Jobs:Fetching:MaxRedirects"] = "3" }).Build();
        await using var provider = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging().AddJobs().BuildServiceProvider();
        var ingestion = provider.GetRequiredService<JobIngestion>();

        var result = await ingestion.ImportPathAsync("ashby", folder, CancellationToken.None);

        Assert.Equal(3, provider.GetRequiredService<FetcherOptions>().MaxRedirects);
        Assert.Equal((404, 404, 0), (result.Batch.Fetched, result.Batch.Postings.Count, result.Batch.Errors.Count));
        Assert.Equal(404, result.Groups.Sum(g => 1 + g.Duplicates.Count));
        Assert.Empty(result.DuplicateGroups);
    }

    [Fact]
    public async Task A_missing_path_or_unknown_source_is_bad_input()
    {
        await using var provider = new ServiceCollection().AddSingleton<IConfiguration>(new ConfigurationBuilder().Build()).AddLogging().AddJobs().BuildServiceProvider();
        var ingestion = provider.GetRequiredService<JobIngestion>();

        var missing = await Assert.ThrowsAsync<ArgumentException>(() => ingestion.ImportPathAsync("csv", Path.Combine(Path.GetTempPath(), "no-such-jobs.csv"), CancellationToken.None));
        var unknown = Assert.Throws<ArgumentException>(() => ingestion.ImportPayload("monster", "{}", null));

        Assert.StartsWith("no such file or folder", missing.Message, StringComparison.Ordinal);
        Assert.Contains("known sources: adzuna, arbeitnow, ashby", unknown.Message, StringComparison.Ordinal);
    }
}
