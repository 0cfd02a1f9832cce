using AngleSharp.Html.Parser;
using Jobsmith.Core.Jobs.Fetching;

namespace Jobsmith.Core.Jobs.Sources;

/// <summary>
/// Any career page that publishes schema.org JobPosting JSON-LD. Follows rel="next" pagination on the same
/// host, up to <see cref="JobSourceQuery.MaxPages"/> pages.
/// </summary>
public sealed class JsonLdSource(SafeHttpFetcher fetcher) : IJobSource
{
    public const string Kind = "jsonld";
    public const string FeatureFlag = "Source." + Kind;

    private static readonly HtmlParser Parser = new();

    public SourceDescriptor Descriptor { get; } = new(Kind, FeatureFlag, true, SourceRateLimit.PerSecond(1)) { FileExtensions = [".html", ".htm"] };

    public async Task<SourceBatch> FetchAsync(JobSourceQuery query, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(query.Target, UriKind.Absolute, out var url)) return SourceBatch.Failed(Kind, $"'{query.Target}' is not an absolute URL");
        var batches = new List<SourceBatch>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var page = 0; page < Math.Max(1, query.MaxPages) && url is not null && seen.Add(url.AbsoluteUri); page++)
        {
            FetchedResponse response;
            try
            {
                response = await fetcher.FetchAsync(new FetchRequest(url, Descriptor) { IsHtmlPage = true, Accept = "text/html" }, cancellationToken);
            }
            catch (FetchException ex)
            {
                batches.Add(SourceBatch.Failed(Kind, ex.Message, url.ToString()));
                break;
            }
            batches.Add(Parse(response.Body, response.FinalUrl));
            url = NextPage(response.Body, response.FinalUrl);
        }
        return SourceBatch.Combine(Kind, batches);
    }

    public SourceBatch Parse(string payload, Uri? origin)
    {
        var batch = new BatchBuilder(Kind);
        var problems = new List<string>();
        var page = Parser.ParseDocument(payload);
        var postings = SchemaOrgJobPosting.Find(page, problems);
        foreach (var problem in problems) batch.Error(origin?.ToString(), problem);
        for (var i = 0; i < postings.Count; i++)
        {
            var job = postings[i];
            batch.Add($"{origin}#{i}", () => SchemaOrgJobPosting.Read(job, Kind, origin));
        }
        if (postings.Count == 0 && problems.Count == 0) batch.Error(origin?.ToString(), "no schema.org JobPosting JSON-LD on this page");
        return batch.Build();
    }

    // Only same-host pagination: a "next" link elsewhere is not this career site's listing.
    internal static Uri? NextPage(string html, Uri current)
    {
        var page = Parser.ParseDocument(html);
        var href = page.QuerySelector("link[rel~='next' i][href], a[rel~='next' i][href]")?.GetAttribute("href");
        if (href is null || !Uri.TryCreate(current, href, out var next)) return null;
        return next.Host.Equals(current.Host, StringComparison.OrdinalIgnoreCase) && next.Scheme is "http" or "https" ? next : null;
    }
}
