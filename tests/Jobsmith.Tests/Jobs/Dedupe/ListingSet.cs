using Jobsmith.Core.Jobs;
using Jobsmith.Core.Jobs.Sources;
using Jobsmith.Tests.TestSupport;

namespace Jobsmith.Tests.Jobs.Dedupe;

/// <summary>The committed labelled listing set (see ListingSet/README.md), parsed by the real CSV source.</summary>
internal static class ListingSet
{
    public sealed record Row(JobPosting Posting, string Label, string Kind);

    public const string FileName = "listings.csv";

    public static string CommittedText() => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Jobs", "Dedupe", "ListingSet", FileName));

    /// <summary>Rows of one split ("dev" or "test"), in file order.</summary>
    public static List<Row> Load(string split)
    {
        using var fetcher = TestFetchers.Loopback();
        var batch = new CsvFileSource(fetcher).Parse(CommittedText(), null);
        Assert.Empty(batch.Errors);
        return batch.Postings.Select(p => (Posting: p, Raw: p.Raw!.Value))
            .Where(r => r.Raw.GetProperty("split").GetString() == split)
            .Select(r => new Row(r.Posting, r.Raw.GetProperty("label").GetString()!, r.Raw.GetProperty("kind").GetString()!))
            .ToList();
    }

    public sealed record PairScore(long TruePositive, long FalsePositive, long FalseNegative, IReadOnlyList<string> Mistakes)
    {
        public double Precision => TruePositive / (double)Math.Max(1, TruePositive + FalsePositive);
        public double Recall => TruePositive / (double)Math.Max(1, TruePositive + FalseNegative);

        public override string ToString() =>
            $"precision {Precision:P1}, recall {Recall:P1} (tp {TruePositive}, fp {FalsePositive}, fn {FalseNegative})";
    }

    /// <summary>"Same posting" over every pair of rows: predicted when both rows are in one group, true when their labels match.</summary>
    public static PairScore Score(IReadOnlyList<Row> rows, Func<Row, int> groupOf)
    {
        long tp = 0, fp = 0, fn = 0;
        var mistakes = new List<string>();
        var groups = rows.Select(groupOf).ToArray();
        for (var a = 0; a < rows.Count; a++)
        {
            for (var b = a + 1; b < rows.Count; b++)
            {
                var predicted = groups[a] == groups[b];
                var actual = rows[a].Label == rows[b].Label;
                if (predicted && actual) tp++;
                else if (predicted) { fp++; mistakes.Add($"merged {Describe(rows[a])} + {Describe(rows[b])}"); }
                else if (actual) { fn++; mistakes.Add($"missed {Describe(rows[a])} + {Describe(rows[b])}"); }
            }
        }
        return new PairScore(tp, fp, fn, mistakes);
    }

    private static string Describe(Row row) =>
        $"[{row.Kind}] {row.Posting.Company} / {row.Posting.Title} / {string.Join(";", row.Posting.Locations)} <{row.Posting.CanonicalUrl}>";
}
