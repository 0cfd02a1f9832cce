using Microsoft.Extensions.DependencyInjection;
using Microsoft.FeatureManagement;

namespace Jobsmith.Core.Flags;

public static class FlagsServiceCollectionExtensions
{
    public static IServiceCollection AddFeatureFlags(this IServiceCollection services)
    {
        services.AddSingleton<FeatureFlagStore>();
        services.AddSingleton<AgentSwitches>();
        services.AddSingleton<IFeatureDefinitionProvider, DatabaseFeatureDefinitionProvider>();
        services.AddFeatureManagement();
        services.AddScoped<FeatureFlagService>();
        return services;
    }
}
