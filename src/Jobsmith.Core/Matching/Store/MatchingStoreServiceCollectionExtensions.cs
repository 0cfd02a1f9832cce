using Microsoft.Extensions.DependencyInjection;

namespace Jobsmith.Core.Matching.Store;

public static class MatchingStoreServiceCollectionExtensions
{
    /// <summary>The in-memory matcher (<see cref="MatchingServiceCollectionExtensions.AddMatching"/>) plus what reads and stores matches.</summary>
    public static IServiceCollection AddMatchingStore(this IServiceCollection services)
    {
        services.AddMatching();
        services.AddScoped<StoredPostingReader>();
        return services;
    }
}
