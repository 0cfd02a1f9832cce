using Jobsmith.Core.Jobs;
using Jobsmith.Core.Jobs.Dedupe;
using Jobsmith.Core.Jobs.Sources;

namespace Jobsmith.Tests.Jobs;

/// <summary>
/// A labelled de-duplication set built from the real Ashby postings. Every real posting is its own job
/// (label = its key), including the real hard negatives: the same title at different companies, and different
/// roles at one company sharing the company's boilerplate. Added, labelled as copies of an original:
/// reposts (new id and URL, a month later, a sentence dropped and a word changed), syndicated copies on
/// other boards (legal suffix on the company, "(Remote)" or "Sr." in the title, aggregator header and
/// footer, a few words edited), and tracking-link copies (same URL plus utm/ref parameters, snippet only).
/// </summary>
internal static class LabelledDuplicateSet
{
    public sealed record Item(JobPosting Posting, string Label, string Kind);

    private static readonly string[] Replacements = ["great", "strong", "modern", "fast", "key", "new"];

    public static List<Item> Build(IEnumerable<JobPosting> real, int seed = 7)
    {
        var random = new Random(seed);
        var originals = real.OrderBy(p => p.Key, StringComparer.Ordinal).ToList();
        var items = originals.Select(p => new Item(p, p.Key, "original")).ToList();
        for (var i = 0; i < originals.Count; i++)
        {
            var original = originals[i];
            switch (i % 8)
            {
                case 0: items.Add(new Item(Repost(original, i, random), original.Key, "repost")); break;
                case 3: items.Add(new Item(Syndicated(original, i, random), original.Key, "syndicated")); break;
                case 6: items.Add(new Item(TrackingCopy(original, i), original.Key, "tracking-link")); break;
            }
        }
        return items;
    }

    private static JobPosting Repost(JobPosting p, int i, Random random)
    {
        var id = $"repost-{i:D4}";
        return p with
        {
            ExternalId = id,
            CanonicalUrl = new Uri($"https://jobs.ashbyhq.com/{p.Company}/{id}"),
            PostedAt = p.PostedAt?.AddDays(30),
            Description = Text(EditWords(DropOneLine(p.Description.Text, random), random, 1)),
        };
    }

    private static JobPosting Syndicated(JobPosting p, int i, Random random) => p with
    {
        SourceKind = i % 2 == 0 ? RemotiveSource.Kind : JoobleSource.Kind,
        ExternalId = $"synd-{i:D4}",
        Company = p.Company + (i % 3 == 0 ? " Inc." : " GmbH"),
        Title = i % 2 == 0 ? p.Title + " (Remote)" : p.Title.Replace("Senior", "Sr.", StringComparison.Ordinal),
        CanonicalUrl = new Uri($"https://aggregator.example/jobs/{i}"),
        Description = Text("Job via Aggregator. Apply on the employer's site.\n\n" + EditWords(p.Description.Text, random, 3) + "\n\nFound on aggregator.example: more jobs like this."),
    };

    private static JobPosting TrackingCopy(JobPosting p, int i) => p with
    {
        SourceKind = "linkedin",
        ExternalId = $"track-{i:D4}",
        // What the normalizer does with a tracking link found on another board.
        CanonicalUrl = p.CanonicalUrl is null ? null : UrlCanonicalizer.Canonicalize(new Uri("https://www." + p.CanonicalUrl.Host + p.CanonicalUrl.AbsolutePath + "/?utm_source=linkedin&utm_medium=jobs&ref=feed")),
        Description = Text(p.Description.Text[..Math.Min(120, p.Description.Text.Length)]),
    };

    private static string DropOneLine(string text, Random random)
    {
        var lines = text.Split('\n').ToList();
        var candidates = Enumerable.Range(0, lines.Count).Where(n => lines[n].Length > 20).ToList();
        if (candidates.Count > 3) lines.RemoveAt(candidates[random.Next(candidates.Count)]);
        return string.Join('\n', lines);
    }

    private static string EditWords(string text, Random random, int edits)
    {
        var words = text.Split(' ');
        for (var e = 0; e < edits && words.Length > 10; e++) words[random.Next(words.Length)] = Replacements[random.Next(Replacements.Length)];
        return string.Join(' ', words);
    }

    private static PostingDescription Text(string text) => new(text, text);
}
