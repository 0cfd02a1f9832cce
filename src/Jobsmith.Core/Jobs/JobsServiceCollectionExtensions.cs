using Jobsmith.Core.Jobs.Dedupe;
using Jobsmith.Core.Jobs.Fetching;
using Jobsmith.Core.Jobs.Sources;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Jobsmith.Core.Jobs;

public static class JobsServiceCollectionExtensions
{
    /// <summary>Registers the fetcher (options from "Jobs:Fetching"), every job source, dedupe and <see cref="JobIngestion"/>.</summary>
    public static IServiceCollection AddJobs(this IServiceCollection services)
    {
        services.AddOptions<FetcherOptions>().BindConfiguration(FetcherOptions.SectionName)
            .Validate(o => o.MaxResponseBytes > 0 && o.Timeout > TimeSpan.Zero && o.MaxRedirects >= 0, "Jobs:Fetching limits must be positive")
            .ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<FetcherOptions>>().Value);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new SafeHttpFetcher(sp.GetRequiredService<FetcherOptions>(), sp.GetRequiredService<TimeProvider>(), sp.GetService<ILogger<SafeHttpFetcher>>()));
        foreach (var create in JobSources.All) services.AddSingleton(sp => create(sp.GetRequiredService<SafeHttpFetcher>()));
        services.AddSingleton<JobSourceCatalog>();
        services.AddSingleton(new DuplicateDetector());
        services.AddSingleton<JobIngestion>();
        return services;
    }
}
