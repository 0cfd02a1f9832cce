using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Jobsmith.Tests.Jobs.Dedupe;

/// <summary>
/// Derives the labelled listing-feed set (ListingSet/listings.csv) from the real Ashby responses: every row is
/// one real posting (title, employer, place, publish date, job and apply links) as a listing feed would carry it,
/// without description, and its label is that posting's Ashby id — two rows are the same job exactly when
/// they show the same real posting. Each employer is listed in one feed style, like real feeds:
/// A its Ashby job pages; B Greenhouse "embed/job_app?token=…" links (a few rows lost the token);
/// C its own careers page with "?gh_jid=…"; D its own single-page careers site with "#/job/…" routes;
/// E only a careers landing page (an Ashby board root, a "/careers" page, or a "/work" page that no
/// path shape gives away) shared by all its titles — always so for employers with one title posted twice. On top of the originals: relisted rows (same link and
/// title, later date), tracking variants (utm_*, ref, source, src/trk, gh_src, lever-source, "www." and a
/// trailing slash, the employer with a legal suffix or in capitals, "Sr." or "(m/f/d)" in the title), Ashby
/// apply links, a job also listed by its Ashby page in a B–D feed ("cross-link"), and postings of titles
/// that several employers share listed only through one aggregator page ("aggregator-page"). The B–E links are built
/// from the real postings (a synthetic numeric id per posting); the employers' own domains are example
/// domains. Employers are split into dev and test by size, so no employer is in both.
/// </summary>
internal static class ListingSetGenerator
{
    public static readonly string[] Columns = ["title", "company", "location", "url", "posted_at", "label", "kind", "split"];

    private sealed record Job(string Company, string Id, string Title, string Location, string JobUrl, string ApplyUrl, DateTimeOffset Posted, int Number);

    private sealed record Row(string Title, string Company, string Location, string Url, DateTimeOffset Posted, string Label, string Kind, string Split);

    public static string Generate(string ashbyFolder)
    {
        var jobs = Read(ashbyFolder);
        var companies = jobs.GroupBy(j => j.Company, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        var split = SplitBySize(companies.Select(g => (g.Key, g.Count())));
        var rows = AggregatorRows(jobs, split).ToList();
        var onAggregator = rows.Select(r => r.Label).ToHashSet(StringComparer.Ordinal);
        for (var c = 0; c < companies.Count; c++)
        {
            // Employers with one title posted twice (two openings) are listed by landing page: the hardest case.
            var style = companies[c].GroupBy(j => j.Title, StringComparer.Ordinal).Any(g => g.Count() > 1) ? 'E' : "ABCDE"[c % 5];
            var postings = companies[c].Where(j => !onAggregator.Contains(j.Id)).OrderBy(j => j.Posted).ThenBy(j => j.Id, StringComparer.Ordinal).ToList();
            for (var k = 0; k < postings.Count; k++) rows.AddRange(RowsOf(postings[k], k, c, style, split[companies[c].Key]));
        }
        return ToCsv(rows);
    }

    private static IEnumerable<Row> RowsOf(Job job, int k, int companyIndex, char style, string split)
    {
        Row Make(string url, string kind, string? title = null, string? company = null, int laterDays = 0) =>
            new(title ?? job.Title, company ?? job.Company, job.Location, url, job.Posted.AddDays(laterDays), job.Id, kind, split);
        var slug = job.Company.ToLowerInvariant().Replace('.', '-');
        var site = $"https://{slug}.example.com";
        var lostToken = style == 'B' && k % 5 == 4;
        var url = style switch
        {
            'A' => job.JobUrl,
            'B' => lostToken ? $"https://boards.greenhouse.io/embed/job_app?for={slug}" : $"https://boards.greenhouse.io/embed/job_app?for={slug}&token={job.Number}",
            'C' => $"{site}/careers?gh_jid={job.Number}",
            'D' => $"{site}/careers#/job/{job.Number}",
            _ => (companyIndex / 5 % 3) switch
            {
                0 => $"https://jobs.ashbyhq.com/{job.Company}",
                1 => $"{site}/careers",
                _ => $"{site}/work",
            },
        };
        yield return Make(url, style == 'E' || lostToken ? "landing-page" : "original");
        if (style == 'E')
        {
            if (k % 3 == 0) yield return Make(url, "relisted", laterDays: 14);
            yield break;
        }
        switch (k % 4)
        {
            case 0:
                yield return Make(url, "relisted", laterDays: 14);
                break;
            case 1:
                yield return Make(Tracked(url, k), "tracking", TitleVariant(job.Title, k), CompanyVariant(job.Company, k), 3);
                break;
            case 2:
                yield return style == 'A'
                    ? Make(job.ApplyUrl, "apply-link")
                    : Make(Tracked(url, k + 1), "tracking", company: CompanyVariant(job.Company, k + 1), laterDays: 5);
                break;
        }
        if (style != 'A' && k == 0) yield return Make(job.JobUrl, "cross-link", laterDays: 1);
    }

    // Tracking added the way sharing tools do: query parameters before any fragment, sometimes "www." and a slash.
    private static string Tracked(string url, int k)
    {
        var tracking = (k / 4 % 6) switch
        {
            0 => "utm_source=linkedin&utm_medium=job_board&utm_campaign=q3",
            1 => "ref=hn",
            2 => "source=indeed",
            3 => "src=twitter&trk=public_jobs",
            4 => "gh_src=8f2c1a",
            _ => "lever-source%5B%5D=newsletter",
        };
        var hash = url.IndexOf('#', StringComparison.Ordinal);
        var (main, fragment) = hash < 0 ? (url, "") : (url[..hash], url[hash..]);
        if (k % 3 == 0 && !main.Contains('?', StringComparison.Ordinal)) main = main.Replace("https://", "https://www.", StringComparison.Ordinal) + "/";
        return main + (main.Contains('?', StringComparison.Ordinal) ? "&" : "?") + tracking + fragment;
    }

    private static string TitleVariant(string title, int k) =>
        title.Contains("Senior", StringComparison.Ordinal) ? title.Replace("Senior", "Sr.", StringComparison.Ordinal)
        : k % 2 == 1 ? title + " (m/f/d)" : title;

    private static string CompanyVariant(string company, int k) => (k % 3) switch
    {
        0 => company + ", Inc.",
        1 => company.ToUpperInvariant(),
        _ => company + " GmbH",
    };

    // Titles several employers share ("Software Engineer"): two employers' postings of each are listed only through
    // one aggregator page (one page known by its shape, "/apply"; one only by carrying different titles), every
    // other one relisted there.
    private static IEnumerable<Row> AggregatorRows(List<Job> jobs, Dictionary<string, string> split)
    {
        var shared = jobs.GroupBy(j => j.Title, StringComparer.Ordinal)
            .Where(g => g.Select(j => j.Company).Distinct(StringComparer.Ordinal).Count() > 1)
            .OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        var n = 0;
        for (var t = 0; t < shared.Count; t++)
        {
            var page = t % 2 == 0 ? "https://jobs.aggregator.example/apply" : "https://board.example.net/featured-roles";
            foreach (var job in shared[t].DistinctBy(j => j.Company, StringComparer.Ordinal).Take(2))
            {
                yield return new Row(job.Title, job.Company, job.Location, page, job.Posted.AddDays(2), job.Id, "aggregator-page", split[job.Company]);
                if (n++ % 2 == 0) yield return new Row(job.Title, job.Company, job.Location, page, job.Posted.AddDays(9), job.Id, "relisted", split[job.Company]);
            }
        }
    }

    // Largest employers first, each to the split with fewer postings so far: about half the postings in each.
    private static Dictionary<string, string> SplitBySize(IEnumerable<(string Company, int Count)> companies)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        int dev = 0, test = 0;
        foreach (var (company, count) in companies.OrderByDescending(c => c.Count).ThenBy(c => c.Company, StringComparer.Ordinal))
        {
            if (dev <= test) { result[company] = "dev"; dev += count; }
            else { result[company] = "test"; test += count; }
        }
        return result;
    }

    private static List<Job> Read(string folder)
    {
        var jobs = new List<Job>();
        foreach (var file in Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            var company = Path.GetFileNameWithoutExtension(file);
            foreach (var job in document.RootElement.GetProperty("jobs").EnumerateArray())
            {
                jobs.Add(new Job(company, job.GetProperty("id").GetString()!, job.GetProperty("title").GetString()!.Trim(),
                    job.TryGetProperty("location", out var place) ? place.GetString()?.Trim() ?? "" : "",
                    job.GetProperty("jobUrl").GetString()!, job.GetProperty("applyUrl").GetString()!,
                    DateTimeOffset.Parse(job.GetProperty("publishedAt").GetString()!, CultureInfo.InvariantCulture), 4_100_000 + jobs.Count * 7));
            }
        }
        return jobs;
    }

    private static string ToCsv(List<Row> rows)
    {
        var sb = new StringBuilder();
        sb.Append(string.Join(',', Columns)).Append('\n');
        foreach (var r in rows)
        {
            string[] fields = [r.Title, r.Company, r.Location, r.Url, r.Posted.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), r.Label, r.Kind, r.Split];
            sb.Append(string.Join(',', fields.Select(Quote))).Append('\n');
        }
        return sb.ToString();
    }

    private static string Quote(string field) =>
        field.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
}
