using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Jobsmith.Core.Jobs.Fetching;
using Jobsmith.Core.Jobs.Normalization;

namespace Jobsmith.Core.Jobs.Sources;

/// <summary>
/// Glassdoor's public job search page (glassdoor.com/Job/jobs.htm?sc.keyword&amp;locKeyword), read from its
/// job-listing cards (data-test attributes, which survive their CSS-module renames). Off by default.
/// </summary>
public sealed class GlassdoorSource(SafeHttpFetcher fetcher, Uri? baseUrl = null) : IJobSource
{
    public const string Kind = "glassdoor";
    public const string FeatureFlag = "Source." + Kind;

    private static readonly HtmlParser Parser = new();
    private readonly Uri _base = baseUrl ?? new Uri("https://www.glassdoor.com/");

    public SourceDescriptor Descriptor { get; } = new(Kind, FeatureFlag, false, SourceRateLimit.PerMinute(4)) { FileExtensions = [".html", ".htm"] };

    public Task<SourceBatch> FetchAsync(JobSourceQuery query, CancellationToken cancellationToken) =>
        SourceFetch.FetchAndParseAsync(fetcher, this, () => new FetchRequest(new Uri(_base,
            "Job/jobs.htm?" + SourceFetch.Query(("sc.keyword", query.Keywords), ("locKeyword", query.Location))), Descriptor)
            { IsHtmlPage = true, Accept = "text/html" }, cancellationToken);

    public SourceBatch Parse(string payload, Uri? origin)
    {
        var batch = new BatchBuilder(Kind);
        var document = Parser.ParseDocument(payload);
        var cards = document.QuerySelectorAll("[data-test='jobListing']");
        if (cards.Length == 0) return SourceBatch.Failed(Kind, "no job listings on the page (layout changed or a bot check page)");
        var index = 0;
        foreach (var card in cards)
        {
            var locator = card.GetAttribute("data-jobid") ?? $"card {index}";
            index++;
            batch.Add(locator, () => Read(card, origin));
        }
        return batch.Build();
    }

    private PostingDraft Read(IElement card, Uri? origin)
    {
        var id = card.GetAttribute("data-jobid");
        if (string.IsNullOrWhiteSpace(id)) throw new PostingFormatException("job card has no data-jobid");
        var link = card.QuerySelector("a[data-test='job-title'], a[data-test='job-link']");
        var draft = new PostingDraft
        {
            SourceKind = Kind,
            ExternalId = id,
            Title = link?.TextContent,
            Company = card.QuerySelector("[class*='EmployerProfile_compactEmployerName'], [data-test='employer-short-name']")?.TextContent,
            SalaryText = card.QuerySelector("[data-test='detailSalary']")?.TextContent,
            DescriptionHtml = card.QuerySelector("[data-test='descSnippet']")?.InnerHtml,
            Url = link?.GetAttribute("href") is { } href && Uri.TryCreate(origin ?? _base, href, out var url) ? url.AbsoluteUri : null,
            EasyApply = card.QuerySelector("[data-test='easyApply'], [class*='EasyApply']") is not null,
            Raw = JsonSerializer.SerializeToElement(new Dictionary<string, string> { ["html"] = card.OuterHtml }),
        };
        if (card.QuerySelector("[data-test='emp-location']")?.TextContent is { } location) draft.Locations.Add(location);
        return draft;
    }
}
