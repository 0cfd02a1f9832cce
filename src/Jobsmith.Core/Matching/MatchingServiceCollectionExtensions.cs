using Jobsmith.Core.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Jobsmith.Core.Matching;

public static class MatchingServiceCollectionExtensions
{
    /// <summary>Registers <see cref="MatchingOptions"/> (section "Matching"), <see cref="MatchingVectors"/> and a default-weights <see cref="Matcher"/>.</summary>
    public static IServiceCollection AddMatching(this IServiceCollection services)
    {
        services.AddOptions<MatchingOptions>().BindConfiguration(MatchingOptions.Section)
            .Validate(o => o.RerankTopK >= 0, "Matching:RerankTopK must not be negative");
        services.AddOptions<JobsmithOptions>();
        services.AddSingleton<MatchingVectors>();
        services.AddSingleton(new Matcher());
        return services;
    }
}
