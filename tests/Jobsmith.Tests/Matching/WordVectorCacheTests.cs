using Jobsmith.Core.Matching;
using Microsoft.Extensions.Logging;

namespace Jobsmith.Tests.Matching;

public sealed class WordVectorCacheTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "jobsmith-wv-" + Guid.NewGuid().ToString("N"));

    public WordVectorCacheTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    // The package's layout: each row is the components, then the L2 norm, then the word's index.
    private static string WinkJson(float scale) =>
        "{\"precision\":8,\"l2NormIndex\":3,\"wordIndex\":4,\"size\":3,\"dimensions\":3,\"words\":[\"the\",\"code\",\"banana\"]," +
        $"\"vectors\":{{\"the\":[0.1,0.2,0.3,0.37,0],\"code\":[{1.5 * scale},-0.5,0.25,1.6,1],\"banana\":[-1,0,{2 * scale},2.2,2]}}," +
        "\"unkVector\":[0,0,0,0,-1]}";

    [Fact]
    public void Converts_the_json_into_a_quantized_cache_keeping_rank_order_and_values()
    {
        var source = Path.Combine(_folder, "v.json");
        File.WriteAllText(source, WinkJson(1));
        var vectors = WordVectorCache.LoadOrBuild(source, Path.Combine(_folder, "cache.bin"), new ListLogger())!;

        Assert.Equal(3, vectors.Count);
        Assert.Equal(3, vectors.Dimensions);
        Assert.Equal(1, vectors.RankOf("code"));
        Assert.Equal(-1, vectors.RankOf("kubernetes"));
        var code = vectors.VectorOf("code")!;
        Assert.Equal(1.5f, code[0], 0.02f);
        Assert.Equal(-0.5f, code[1], 0.02f);
        Assert.Equal(0.25f, code[2], 0.02f);
    }

    [Fact]
    public void Rebuilds_only_when_the_source_changes()
    {
        var source = Path.Combine(_folder, "v.json");
        var cache = Path.Combine(_folder, "cache.bin");
        File.WriteAllText(source, WinkJson(1));
        WordVectorCache.LoadOrBuild(source, cache, new ListLogger());
        var built = File.GetLastWriteTimeUtc(cache);

        var logger = new ListLogger();
        WordVectorCache.LoadOrBuild(source, cache, logger);
        Assert.Equal(built, File.GetLastWriteTimeUtc(cache));
        Assert.DoesNotContain(logger.Messages, m => m.Contains("Building", StringComparison.Ordinal));

        File.WriteAllText(source, WinkJson(2));
        File.SetLastWriteTimeUtc(source, built.AddMinutes(5));
        var again = WordVectorCache.LoadOrBuild(source, cache, logger)!;
        Assert.Contains(logger.Messages, m => m.Contains("Building", StringComparison.Ordinal));
        Assert.Equal(3f, again.VectorOf("code")![0], 0.03f);
    }

    [Fact]
    public void Missing_vectors_give_null_and_a_warning()
    {
        var logger = new ListLogger();
        Assert.Null(WordVectorCache.LoadOrBuild(Path.Combine(_folder, "absent.json"), Path.Combine(_folder, "cache.bin"), logger));
        Assert.Contains(logger.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("lexical", StringComparison.Ordinal));
    }

    [SkippableFact]
    public void Real_vectors_place_related_job_words_closer_than_unrelated_ones()
    {
        var vectors = MatchingData.RequireVectors().Vectors;
        Assert.True(vectors.Count > 300_000);
        Assert.True(vectors.Similarity("developer", "programmer") > vectors.Similarity("developer", "banana"));
        Assert.True(vectors.Similarity("accountant", "bookkeeping") > vectors.Similarity("accountant", "javascript"));
        Assert.Equal(-1, vectors.RankOf("kubernetes")); // the 2014 corpus predates it: such words reach matching through BM25 and skills
    }
}

internal sealed class ListLogger : ILogger
{
    public List<(LogLevel Level, string Message)> Entries { get; } = [];

    public IEnumerable<string> Messages => Entries.Select(e => e.Message);

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Entries.Add((logLevel, formatter(state, exception)));
}
