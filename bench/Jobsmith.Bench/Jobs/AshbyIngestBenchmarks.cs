using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using Jobsmith.Core.Jobs;
using Jobsmith.Core.Jobs.Dedupe;
using Jobsmith.Core.Jobs.Fetching;
using Jobsmith.Core.Jobs.Sources;

namespace Jobsmith.Bench.Jobs;

/// <summary>
/// Parse + normalize + dedupe of the real Ashby responses (404 postings in 36 boards). Each operation is one
/// posting (OperationsPerInvoke), so "Mean" is time per posting; postings/s = 1 s / Mean.
/// Run: dotnet run -c Release --project bench/Jobsmith.Bench -- --filter '*AshbyIngest*'
/// Data: JOBSMITH_SHARED_DATA, or ../shared/data beside the repository.
/// </summary>
[MemoryDiagnoser]
public class AshbyIngestBenchmarks : IDisposable
{
    private const int Postings = 404;

    private string[] _payloads = [];
    private SafeHttpFetcher _fetcher = null!;
    private AshbySource _source = null!;
    private readonly DuplicateDetector _dedupe = new();

    [GlobalSetup]
    public void Setup()
    {
        var folder = BenchData.Require("jobs", "ashby");
        _payloads = Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToArray();
        _fetcher = new SafeHttpFetcher(new FetcherOptions(), TimeProvider.System);
        _source = new AshbySource(_fetcher);
        var count = Run(parallel: false);
        if (count != Postings) throw new InvalidOperationException($"expected {Postings} postings, ingested {count}");
    }

    [Benchmark(OperationsPerInvoke = Postings, Baseline = true)]
    public int ParseNormalizeDedupeOneCore() => Run(parallel: false);

    [Benchmark(OperationsPerInvoke = Postings)]
    public int ParseNormalizeDedupeAllCores() => Run(parallel: true);

    [GlobalCleanup]
    public void Cleanup()
    {
        using var process = Process.GetCurrentProcess();
        Console.WriteLine($"// peak working set {process.PeakWorkingSet64 / (1024 * 1024)} MB; GC heap after run {GC.GetTotalMemory(false) / (1024 * 1024)} MB");
        Dispose();
    }

    public void Dispose()
    {
        _fetcher?.Dispose();
        GC.SuppressFinalize(this);
    }

    private int Run(bool parallel)
    {
        var batches = new SourceBatch[_payloads.Length];
        if (parallel) Parallel.For(0, _payloads.Length, i => batches[i] = _source.Parse(_payloads[i], null));
        else for (var i = 0; i < _payloads.Length; i++) batches[i] = _source.Parse(_payloads[i], null);
        var postings = batches.SelectMany(b => b.Postings).ToList();
        return _dedupe.Group(postings).Sum(g => 1 + g.Duplicates.Count);
    }
}
