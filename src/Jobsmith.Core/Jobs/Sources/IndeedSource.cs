using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Jobsmith.Core.Jobs.Fetching;
using Jobsmith.Core.Jobs.Normalization;

namespace Jobsmith.Core.Jobs.Sources;

/// <summary>
/// Indeed's public search page (indeed.com/jobs?q&amp;l&amp;start). The page embeds its job cards as JSON in
/// window.mosaic.providerData["mosaic-provider-jobcards"]; we read that rather than the markup. Off by default.
/// </summary>
public sealed partial class IndeedSource(SafeHttpFetcher fetcher, Uri? baseUrl = null) : IJobSource
{
    public const string Kind = "indeed";
    public const string FeatureFlag = "Source." + Kind;

    private readonly Uri _base = baseUrl ?? new Uri("https://www.indeed.com/");

    public SourceDescriptor Descriptor { get; } = new(Kind, FeatureFlag, false, SourceRateLimit.PerMinute(4)) { FileExtensions = [".html", ".htm"] };

    public async Task<SourceBatch> FetchAsync(JobSourceQuery query, CancellationToken cancellationToken)
    {
        var pages = new List<SourceBatch>();
        for (var page = 0; page < Math.Max(1, query.MaxPages); page++)
        {
            var batch = await SourceFetch.FetchAndParseAsync(fetcher, this, () => new FetchRequest(new Uri(_base,
                "jobs?" + SourceFetch.Query(("q", query.Keywords), ("l", query.Location), ("start", (page * 10).ToString()))), Descriptor)
                { IsHtmlPage = true, Accept = "text/html" }, cancellationToken);
            pages.Add(batch);
            if (batch.Fetched == 0) break;
        }
        return SourceBatch.Combine(Kind, pages);
    }

    public SourceBatch Parse(string payload, Uri? origin)
    {
        var marker = MosaicPattern().Match(payload);
        if (!marker.Success) return SourceBatch.Failed(Kind, "no mosaic job-cards data on the page (layout changed or a bot check page)");
        var bytes = Encoding.UTF8.GetBytes(payload[(marker.Index + marker.Length)..]);
        JsonDocument document;
        try
        {
            // The JSON object is followed by more script; read exactly one value and stop.
            var reader = new Utf8JsonReader(bytes);
            document = JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException ex)
        {
            return SourceBatch.Failed(Kind, $"job-cards data is not valid JSON: {ex.Message}");
        }
        using (document)
        {
            var results = document.RootElement.Obj("metaData")?.Obj("mosaicProviderJobCardsModel")?.Field("results");
            if (results is not { ValueKind: JsonValueKind.Array } list) return SourceBatch.Failed(Kind, "job-cards data has no metaData.mosaicProviderJobCardsModel.results array");
            var batch = new BatchBuilder(Kind);
            var index = 0;
            foreach (var card in list.EnumerateArray())
                batch.Add(JsonPayload.Locator(card, "jobkey", ref index), () => Read(card, origin));
            return batch.Build();
        }
    }

    private PostingDraft Read(JsonElement card, Uri? origin)
    {
        if (card.ValueKind != JsonValueKind.Object) throw new PostingFormatException("job card is not an object");
        var key = card.Str("jobkey") ?? throw new PostingFormatException("job card has no jobkey");
        var draft = new PostingDraft
        {
            SourceKind = Kind,
            ExternalId = key,
            Title = card.Str("displayTitle") ?? card.Str("title"),
            Company = card.Str("company"),
            RemoteFlag = card.Bool("remoteLocation") is true ? true : null,
            EmploymentType = card.Strings("jobTypes").FirstOrDefault(),
            SalaryText = card.Obj("salarySnippet")?.Str("text"),
            DescriptionHtml = card.Str("snippet"),
            PostedAt = card.Date("pubDate"),
            Url = new Uri(origin ?? _base, "/viewjob?jk=" + Uri.EscapeDataString(key)).AbsoluteUri,
            EasyApply = card.Bool("indeedApplyEnabled") is true,
            Raw = card.Clone(),
        };
        if (card.Str("formattedLocation") is { } location) draft.Locations.Add(location);
        return draft;
    }

    [GeneratedRegex(@"window\.mosaic\.providerData\[""mosaic-provider-jobcards""\]\s*=\s*")]
    private static partial Regex MosaicPattern();
}
