using Jobsmith.Core.Jobs.Search;
using Microsoft.Extensions.DependencyInjection;

namespace Jobsmith.Core.Jobs.Store;

public static class JobStoreServiceCollectionExtensions
{
    /// <summary>Persistence, queries, source settings and status, scheduled source runs and candidate searches (C5-C7).</summary>
    public static IServiceCollection AddJobStore(this IServiceCollection services)
    {
        services.AddScoped<JobIngestionStore>();
        services.AddScoped<JobQueries>();
        services.AddSingleton<JobListCounts>();
        services.AddSingleton<JobListCache>();
        services.AddScoped<Import.PostingImport>();
        services.AddScoped<SourceSettings>();
        services.AddScoped<PostingExpiry>();
        services.AddScoped<SourceRunner>();
        services.AddScoped<JobSearchService>();
        services.AddScoped<JobSearchRunner>();
        services.AddSingleton<JobSchedules>();
        return services;
    }
}
