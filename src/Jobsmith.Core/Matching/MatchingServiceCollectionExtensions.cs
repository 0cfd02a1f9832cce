using Jobsmith.Core.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Jobsmith.Core.Matching;

/// <summary>
/// The word vectors as a lazily loaded singleton: the first caller converts or loads the cache under
/// {DataDirectory}/cache/vectors; when the npm package is absent <see cref="Sif"/> is null and matching runs on
/// lexical and structured signals (a warning is logged once).
/// </summary>
public sealed class MatchingVectors(IOptions<MatchingOptions> matching, IOptions<JobsmithOptions> jobsmith, ILogger<MatchingVectors> logger)
{
    private readonly Lazy<SifEmbedder?> _sif = new(() =>
    {
        var vectors = WordVectorCache.LoadOrBuild(matching.Value.ResolveVectorsSource(), MatchingOptions.CachePath(jobsmith.Value.DataDirectory), logger);
        return vectors is null ? null : new SifEmbedder(vectors);
    });

    public SifEmbedder? Sif => _sif.Value;
}

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
