using Jobsmith.Core.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Jobsmith.Core.Matching;

/// <summary>
/// The word vectors as a lazily loaded singleton: the first caller converts or loads the cache under
/// {DataDirectory}/cache/vectors. When neither the vectors nor a cache is found, <see cref="Sif"/> is null, matching
/// runs on lexical and structured signals, a warning is logged, and <see cref="MissingNotice"/> says why for the
/// callers that show results.
/// </summary>
public sealed class MatchingVectors(IOptions<MatchingOptions> matching, IOptions<JobsmithOptions> jobsmith, ILogger<MatchingVectors> logger)
{
    private readonly Lazy<SifEmbedder?> _sif = new(() =>
    {
        var source = matching.Value.ResolveVectorsSource(AppContext.BaseDirectory, out var searched);
        var cache = MatchingOptions.CachePath(jobsmith.Value.DataDirectory);
        var vectors = WordVectorCache.LoadOrBuild(source, cache, logger, searched);
        return vectors is null ? null : new SifEmbedder(vectors);
    });

    public SifEmbedder? Sif => _sif.Value;

    /// <summary>One line for result output when the vectors are missing; null when they loaded.</summary>
    public string? MissingNotice => Sif is null
        ? "word vectors not found (run `npm ci` in the source folder, publish with them, or set Matching:VectorsSource); ranked on lexical and structured signals only"
        : null;
}
