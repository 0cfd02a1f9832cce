using Microsoft.Extensions.DependencyInjection;

namespace Jobsmith.Core.Matching.Store;

public static class MatchingStoreServiceCollectionExtensions
{
    /// <summary>The in-memory matcher (<see cref="MatchingServiceCollectionExtensions.AddMatching"/>) plus what stores matches and learns from feedback.
    /// <see cref="MatchOptimizerJob"/> is scheduled with the other system jobs in AddAgents (one Quartz configuration).</summary>
    public static IServiceCollection AddMatchingStore(this IServiceCollection services)
    {
        services.AddMatching();
        services.AddScoped<StoredPostingReader>();
        services.AddScoped<LearnedWeights>();
        services.AddScoped<MatchRunner>();
        services.AddScoped<MatchQueries>();
        services.AddScoped<MatchList>();
        services.AddScoped<MatchTriage>();
        services.AddScoped<FeedbackService>();
        services.AddScoped<FeedbackOptimizer>();
        services.AddScoped<PreferenceUndo>();
        return services;
    }
}
