using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using Jobsmith.Core.Jobs.Fetching;
using Jobsmith.Core.Jobs.Normalization;

namespace Jobsmith.Core.Jobs.Sources;

/// <summary>
/// RSS 2.0 and Atom job feeds. Feeds have no company field, so "Title at Company" and "Company: Title"
/// titles are split, falling back to the feed's own title.
/// </summary>
public sealed partial class RssSource(SafeHttpFetcher fetcher) : IJobSource
{
    public const string Kind = "rss";
    public const string FeatureFlag = "Source." + Kind;

    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    public SourceDescriptor Descriptor { get; } = new(Kind, FeatureFlag, true, SourceRateLimit.PerSecond(1)) { FileExtensions = [".xml", ".rss", ".atom"] };

    public Task<SourceBatch> FetchAsync(JobSourceQuery query, CancellationToken cancellationToken) =>
        SourceFetch.FetchAndParseAsync(fetcher, this, () => new FetchRequest(new Uri(query.Target), Descriptor)
        {
            Accept = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8",
        }, cancellationToken);

    public SourceBatch Parse(string payload, Uri? origin)
    {
        XDocument feed;
        try
        {
            // No DTDs: entity expansion ("billion laughs") and external entities are refused outright.
            using var reader = XmlReader.Create(new StringReader(payload), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            feed = XDocument.Load(reader);
        }
        catch (XmlException ex)
        {
            return SourceBatch.Failed(Kind, $"feed is not well-formed XML: {ex.Message}");
        }
        var root = feed.Root!;
        var batch = new BatchBuilder(Kind);
        if (root.Name == Atom + "feed")
        {
            var feedTitle = root.Element(Atom + "title")?.Value;
            foreach (var entry in root.Elements(Atom + "entry"))
                batch.Add(entry.Element(Atom + "id")?.Value ?? "entry", () => ReadAtom(entry, feedTitle));
        }
        else if (root.Name.LocalName == "rss" && root.Element("channel") is { } channel)
        {
            var feedTitle = channel.Element("title")?.Value;
            foreach (var item in channel.Elements("item"))
                batch.Add(item.Element("guid")?.Value ?? item.Element("link")?.Value ?? "item", () => ReadRss(item, feedTitle));
        }
        else
        {
            return SourceBatch.Failed(Kind, $"expected an RSS <rss><channel> or Atom <feed> document, found <{root.Name.LocalName}>");
        }
        return batch.Build();
    }

    private static PostingDraft ReadRss(XElement item, string? feedTitle)
    {
        var (title, company) = SplitTitle(item.Element("title")?.Value, Child(item, "company") ?? feedTitle);
        var draft = new PostingDraft
        {
            SourceKind = Kind,
            ExternalId = item.Element("guid")?.Value,
            Title = title,
            Company = company,
            DescriptionHtml = Child(item, "encoded") ?? item.Element("description")?.Value,
            PostedAt = JsonFields.ParseDate(item.Element("pubDate")?.Value),
            Url = item.Element("link")?.Value,
            EmploymentType = Child(item, "type") ?? Child(item, "jobType"),
            Raw = RawOf(item),
        };
        if ((Child(item, "region") ?? Child(item, "location")) is { } location) draft.Locations.Add(location);
        return draft;
    }

    private static PostingDraft ReadAtom(XElement entry, string? feedTitle)
    {
        var (title, company) = SplitTitle(entry.Element(Atom + "title")?.Value, entry.Element(Atom + "author")?.Element(Atom + "name")?.Value ?? feedTitle);
        var link = entry.Elements(Atom + "link").FirstOrDefault(l => (string?)l.Attribute("rel") is null or "alternate");
        return new PostingDraft
        {
            SourceKind = Kind,
            ExternalId = entry.Element(Atom + "id")?.Value,
            Title = title,
            Company = company,
            DescriptionHtml = entry.Element(Atom + "content")?.Value ?? entry.Element(Atom + "summary")?.Value,
            PostedAt = JsonFields.ParseDate(entry.Element(Atom + "published")?.Value ?? entry.Element(Atom + "updated")?.Value),
            Url = (string?)link?.Attribute("href"),
            Raw = RawOf(entry),
        };
    }

    internal static (string? Title, string? Company) SplitTitle(string? text, string? fallbackCompany)
    {
        if (string.IsNullOrWhiteSpace(text)) return (text, fallbackCompany);
        if (AtPattern().Match(text) is { Success: true } at) return (at.Groups[1].Value.Trim(), at.Groups[2].Value.Trim());
        if (ColonPattern().Match(text) is { Success: true } colon) return (colon.Groups[2].Value.Trim(), colon.Groups[1].Value.Trim());
        return (text.Trim(), fallbackCompany);
    }

    // Extension elements (job:company, dc:creator, content:encoded) matched by local name, whatever the prefix.
    private static string? Child(XElement item, string localName) =>
        item.Elements().FirstOrDefault(e => e.Name.LocalName.Equals(localName, StringComparison.OrdinalIgnoreCase))?.Value;

    private static JsonElement RawOf(XElement element) =>
        JsonSerializer.SerializeToElement(element.Elements().GroupBy(e => e.Name.LocalName).ToDictionary(g => g.Key, g => g.First().Value));

    [GeneratedRegex(@"^(.{3,}?)\s+at\s+([^,|]{2,80})$", RegexOptions.IgnoreCase)]
    private static partial Regex AtPattern();

    [GeneratedRegex(@"^([^:]{2,60}):\s+(.{3,})$")]
    private static partial Regex ColonPattern();
}
