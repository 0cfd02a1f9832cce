using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Jobsmith.Core.Jobs.Fetching;
using Jobsmith.Core.Jobs.Normalization;

namespace Jobsmith.Core.Jobs.Sources;

/// <summary>
/// LinkedIn's guest job search, the HTML fragment its public search page loads
/// (linkedin.com/jobs-guest/jobs/api/seeMoreJobPostings/search?keywords&amp;location&amp;start, 25 cards a page).
/// Off by default; fetched as a page, so robots.txt decides whether it may run at all.
/// </summary>
public sealed class LinkedInSource(SafeHttpFetcher fetcher, Uri? baseUrl = null) : IJobSource
{
    public const string Kind = "linkedin";
    public const string FeatureFlag = "Source." + Kind;
    private const int PageSize = 25;

    private static readonly HtmlParser Parser = new();
    private readonly Uri _base = baseUrl ?? new Uri("https://www.linkedin.com/");

    public SourceDescriptor Descriptor { get; } = new(Kind, FeatureFlag, false, SourceRateLimit.PerMinute(6)) { FileExtensions = [".html", ".htm"] };

    public async Task<SourceBatch> FetchAsync(JobSourceQuery query, CancellationToken cancellationToken)
    {
        var pages = new List<SourceBatch>();
        for (var page = 0; page < Math.Max(1, query.MaxPages); page++)
        {
            var batch = await SourceFetch.FetchAndParseAsync(fetcher, this, () => new FetchRequest(new Uri(_base,
                "jobs-guest/jobs/api/seeMoreJobPostings/search?" + SourceFetch.Query(("keywords", query.Keywords), ("location", query.Location), ("start", (page * PageSize).ToString()))), Descriptor)
                { IsHtmlPage = true, Accept = "text/html" }, cancellationToken);
            pages.Add(batch);
            if (batch.Fetched < PageSize) break;
        }
        return SourceBatch.Combine(Kind, pages);
    }

    public SourceBatch Parse(string payload, Uri? origin)
    {
        var batch = new BatchBuilder(Kind);
        var document = Parser.ParseDocument(payload);
        var cards = document.QuerySelectorAll(".base-search-card, .job-search-card");
        var index = 0;
        foreach (var card in cards)
        {
            var locator = card.GetAttribute("data-entity-urn") ?? $"card {index}";
            index++;
            batch.Add(locator, () => Read(card));
        }
        return batch.Build();
    }

    private static PostingDraft Read(IElement card)
    {
        var urn = card.GetAttribute("data-entity-urn") ?? card.QuerySelector("[data-entity-urn]")?.GetAttribute("data-entity-urn");
        var id = urn?.Split(':').LastOrDefault();
        if (string.IsNullOrWhiteSpace(id)) throw new PostingFormatException("job card has no data-entity-urn id");
        var draft = new PostingDraft
        {
            SourceKind = Kind,
            ExternalId = id,
            Title = card.QuerySelector(".base-search-card__title")?.TextContent,
            Company = card.QuerySelector(".base-search-card__subtitle")?.TextContent,
            SalaryText = card.QuerySelector(".job-search-card__salary-info")?.TextContent,
            PostedAt = JsonFields.ParseDate(card.QuerySelector("time")?.GetAttribute("datetime")),
            Url = card.QuerySelector("a.base-card__full-link")?.GetAttribute("href"),
            EasyApply = card.QuerySelector(".job-posting-benefits__text")?.TextContent.Contains("Easy Apply", StringComparison.OrdinalIgnoreCase) == true,
            Raw = JsonSerializer.SerializeToElement(new Dictionary<string, string> { ["html"] = card.OuterHtml }),
        };
        if (card.QuerySelector(".job-search-card__location")?.TextContent is { } location) draft.Locations.Add(location);
        return draft;
    }
}
