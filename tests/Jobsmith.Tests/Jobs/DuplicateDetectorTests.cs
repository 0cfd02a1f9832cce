using Jobsmith.Core.Jobs;
using Jobsmith.Core.Jobs.Dedupe;
using Jobsmith.Core.Jobs.Sources;
using Jobsmith.Tests.TestSupport;
using Xunit.Abstractions;

namespace Jobsmith.Tests.Jobs;

public sealed class DuplicateDetectorTests(ITestOutputHelper output)
{
    [SkippableFact]
    public void Labelled_set_precision_and_recall()
    {
        var items = LabelledDuplicateSet.Build(AshbyPostings());
        var groups = new DuplicateDetector().Group(items.Select(i => i.Posting).ToList());
        var groupOf = new Dictionary<JobPosting, int>(ReferenceEqualityComparer.Instance);
        for (var g = 0; g < groups.Count; g++)
            foreach (var member in groups[g].Members) groupOf[member] = g;

        long truePositive = 0, falsePositive = 0, falseNegative = 0;
        var mistakes = new List<string>();
        for (var a = 0; a < items.Count; a++)
        {
            for (var b = a + 1; b < items.Count; b++)
            {
                var predicted = groupOf[items[a].Posting] == groupOf[items[b].Posting];
                var actual = items[a].Label == items[b].Label;
                if (predicted && actual) truePositive++;
                else if (predicted) { falsePositive++; mistakes.Add($"merged {Describe(items[a])} + {Describe(items[b])}"); }
                else if (actual) { falseNegative++; mistakes.Add($"missed {Describe(items[a])} + {Describe(items[b])}"); }
            }
        }
        var precision = truePositive / (double)Math.Max(1, truePositive + falsePositive);
        var recall = truePositive / (double)Math.Max(1, truePositive + falseNegative);
        output.WriteLine($"dedupe on {items.Count} postings ({items.Count(i => i.Kind != "original")} labelled copies): precision {precision:P1}, recall {recall:P1} (tp {truePositive}, fp {falsePositive}, fn {falseNegative})");
        foreach (var mistake in mistakes.Take(30)) output.WriteLine(mistake);

        Assert.True(precision >= 0.97, $"precision {precision:P1} below the 97% floor");
        Assert.True(recall >= 0.95, $"recall {recall:P1} below the 95% floor");
    }

    [SkippableFact]
    public void Same_titles_at_different_companies_and_different_roles_at_one_company_stay_apart()
    {
        var postings = AshbyPostings();
        var groups = new DuplicateDetector().Group(postings);

        Assert.Equal(postings.Count, groups.Count);
        var sharedTitles = postings.GroupBy(p => p.Title).Where(g => g.Select(p => p.Company).Distinct().Count() > 1).ToList();
        Assert.NotEmpty(sharedTitles);
    }

    [Fact]
    public void Same_source_id_and_same_canonical_url_are_linked_with_their_reason()
    {
        var a = Posting("greenhouse", "1", "https://boards.greenhouse.io/acme/jobs/1", "Backend Engineer", new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var sameId = a with { Title = "Backend Engineer (updated)", PostedAt = a.PostedAt!.Value.AddDays(2) };
        var sameUrl = Posting("linkedin", "99", "https://boards.greenhouse.io/acme/jobs/1?utm_source=li&gh_src=x", "Backend Engineer", null) with
        {
            CanonicalUrl = UrlCanonicalizer.Canonicalize(new Uri("https://www.boards.greenhouse.io/acme/jobs/1/?utm_source=li")),
        };
        var other = Posting("greenhouse", "2", "https://boards.greenhouse.io/acme/jobs/2", "Backend Engineer", null);

        var groups = new DuplicateDetector().Group([a, sameId, sameUrl, other]);

        var group = Assert.Single(groups, g => g.Duplicates.Count > 0);
        Assert.Same(a, group.Canonical);
        Assert.Equal([DuplicateReason.SameSourceId, DuplicateReason.SameCanonicalUrl], group.Duplicates.Select(d => d.Reason));
        Assert.Equal(2, groups.Count);
    }

    private static JobPosting Posting(string source, string id, string url, string title, DateTimeOffset? posted) => new()
    {
        SourceKind = source,
        ExternalId = id,
        Title = title,
        Company = "Acme",
        CanonicalUrl = UrlCanonicalizer.Canonicalize(new Uri(url)),
        PostedAt = posted,
        Application = new ApplicationRoute(ApplicationType.Form, "test"),
    };

    private static string Describe(LabelledDuplicateSet.Item item) =>
        $"[{item.Kind}] {item.Posting.Company} / {item.Posting.Title} ({item.Posting.Key}, {item.Posting.Description.Text.Length} chars, simhash {SimHash.Of(item.Posting.Description.Text):X16})";

    internal static List<JobPosting> AshbyPostings()
    {
        var folder = SharedData.Require("jobs", "ashby");
        using var fetcher = TestFetchers.Loopback();
        var source = new AshbySource(fetcher);
        return Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal)
            .SelectMany(f => source.Parse(File.ReadAllText(f), new Uri(f)).Postings).ToList();
    }
}
