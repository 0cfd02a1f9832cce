using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Jobsmith.Core.Skills;

namespace Jobsmith.Bench.Skills;

/// <summary>
/// Skill extraction throughput over the 58 SkillSpan dev postings (../shared/data/jobs/skillspan/dev.json, or
/// $JOBSMITH_SHARED_DATA): one operation is one posting, so the reported mean is time per posting; characters per
/// second are printed at setup. Also catalogue and title-index load time, and title normalization.
/// Run: dotnet run -c Release --project bench/Jobsmith.Bench -- --filter '*SkillsBenchmarks*' --job short
/// </summary>
[MemoryDiagnoser]
public class SkillsBenchmarks
{
    private string[] _postings = [];
    private SkillExtractor _extractor = null!;

    [GlobalSetup]
    public void Setup()
    {
        _postings = SkillSpanPostings.Load();
        _extractor = new SkillExtractor(SkillsCatalogue.Default);
        var chars = _postings.Sum(p => p.Length);
        Console.WriteLine($"// skillspan postings: {_postings.Length}, {chars} characters, {chars / _postings.Length} per posting");
    }

    [Benchmark(OperationsPerInvoke = 58)]
    public int ExtractPerPosting()
    {
        var n = 0;
        foreach (var p in _postings) n += _extractor.Extract(p).Count;
        return n;
    }

    [Benchmark]
    public int LoadSkillsCatalogue() => SkillsCatalogue.LoadEmbedded().Skills.Count;

    [Benchmark]
    public object LoadTitleCatalogue() => TitleCatalogue.LoadEmbedded();

    [Benchmark]
    public Seniority NormalizeTitle() => TitleNormalizer.Normalize("Sr. Software Engineer II, Payments").Seniority;
}

internal static class SkillSpanPostings
{
    public static string[] Load()
    {
        var path = Path.Combine(SharedDataRoot(), "jobs", "skillspan", "dev.json");
        var byPosting = new SortedDictionary<string, StringBuilder>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0) continue;
            using var doc = JsonDocument.Parse(line);
            var r = doc.RootElement;
            var key = r.GetProperty("source").GetString() + "/" + r.GetProperty("idx").GetInt32();
            if (!byPosting.TryGetValue(key, out var sb)) byPosting[key] = sb = new StringBuilder();
            sb.AppendJoin(' ', r.GetProperty("tokens").EnumerateArray().Select(t => t.GetString())).Append('\n');
        }
        var postings = byPosting.Values.Select(sb => sb.ToString()).ToArray();
        if (postings.Length != 58) throw new InvalidDataException($"expected 58 SkillSpan dev postings, found {postings.Length}");
        return postings;
    }

    private static string SharedDataRoot()
    {
        var configured = Environment.GetEnvironmentVariable("JOBSMITH_SHARED_DATA");
        if (!string.IsNullOrWhiteSpace(configured)) return configured;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Jobsmith.slnx")))
                return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data"));
        }
        throw new DirectoryNotFoundException("shared data not found: set JOBSMITH_SHARED_DATA");
    }
}
