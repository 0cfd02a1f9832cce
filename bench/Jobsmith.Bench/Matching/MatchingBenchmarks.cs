using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Jobsmith.Core.Jobs;
using Jobsmith.Core.Matching;

namespace Jobsmith.Bench.Matching;

/// <summary>
/// D4's hot path: rank 100,000 postings (Ashby postings recombined) for one profile, warm — index built and
/// the profile's vector computed beforehand, as at ingest. Target ≤ 30 ms median on 2 cores. Also: the cost
/// of a batch of new postings (index build for 1,000, then ranking every one of 300 candidates against it).
/// Setup prints index build time and memory per 100k postings.
/// Run: dotnet run -c Release --project bench/Jobsmith.Bench -- --filter '*MatchingBenchmarks*'
/// </summary>
[MemoryDiagnoser]
[Config(typeof(InProcessConfig))]
public class MatchingBenchmarks
{
    private const int Corpus = 100_000;
    private const int Batch = 1_000;
    private const int Candidates = 300;

    private PostingIndex _index = null!;
    private PostingIndex _batchIndex = null!;
    private JobPosting[] _batch = [];
    private MatchProfile _profile = null!;
    private MatchProfile[] _candidates = [];
    private SifEmbedder _sif = null!;
    private readonly Matcher _matcher = new();

    private static readonly Lazy<(PostingIndex Index, JobPosting[] Real, SifEmbedder Sif)> Shared = new(BuildCorpus);

    [GlobalSetup]
    public void Setup()
    {
        (_index, var real, _sif) = Shared.Value;
        _candidates = MatchingBenchData.DotinProfiles(Candidates).Select(p => p with { Vector = _index.QueryVector(p) }).ToArray();
        _profile = _candidates[0];
        _batch = MatchingBenchData.Synthesize(real, Corpus + Batch).Skip(Corpus).ToArray();
        _batchIndex = PostingIndex.Build(_batch, _sif);
        _candidates = _candidates.Select(p => p with { Vector = _batchIndex.QueryVector(p) }).ToArray();
    }

    private static (PostingIndex, JobPosting[], SifEmbedder) BuildCorpus()
    {
        var real = MatchingBenchData.Ashby();
        var sif = MatchingBenchData.Vectors();
        var postings = MatchingBenchData.Synthesize(real, Corpus);
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var watch = Stopwatch.StartNew();
        var index = PostingIndex.Build(postings, sif);
        watch.Stop();
        var after = GC.GetTotalMemory(forceFullCollection: true);
        Console.WriteLine($"// index of {Corpus:N0} postings built in {watch.Elapsed.TotalSeconds:F1} s; managed heap grew {(after - before) / (1024 * 1024)} MB " +
                          $"(ranking structures {index.ApproximateBytes / (1024 * 1024)} MB: vectors {Corpus * index.Dimensions * 4 / (1024 * 1024)} MB, " +
                          $"BM25 {index.Lexical.EntryCount:N0} entries over {index.Lexical.TermCount:N0} terms)");
        return (index, real, sif);
    }

    [Benchmark]
    public int Rank100kTop20() => _matcher.Rank(_profile, MatchPreferences.None, _index, 20).Results.Count;

    [Benchmark]
    public int Rank100kTop20WithFilters() => _matcher.Rank(_profile, new MatchPreferences
    {
        Locations = ["New York", "London", "Berlin"],
        SalaryFloor = 90_000,
        SalaryCurrency = "USD",
        AvoidCompanies = ["Tabs"],
    }, _index, 20).Results.Count;

    [Benchmark]
    public PostingIndex BuildIndexFor1kNewPostings() => PostingIndex.Build(_batch, _sif);

    [Benchmark]
    public int Rank300CandidatesAgainst1kNewPostings()
    {
        var total = 0;
        foreach (var candidate in _candidates) total += _matcher.Rank(candidate, MatchPreferences.None, _batchIndex, 10).Results.Count;
        return total;
    }

    /// <summary>In process: the 100k index is built once (a static) and shared by the cases; out of process would rebuild it per case.</summary>
    private sealed class InProcessConfig : ManualConfig
    {
        public InProcessConfig() => AddJob(Job.Default.WithWarmupCount(3).WithIterationCount(15).WithToolchain(InProcessEmitToolchain.Instance));
    }
}
