using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Jobsmith.Core.Jobs.Fetching;
using Jobsmith.Core.Jobs.Normalization;

namespace Jobsmith.Core.Jobs.Sources;

/// <summary>
/// "Paste a URL or a description". A URL is fetched as a page: its JSON-LD JobPosting if it has one, else
/// the page title and main text. Pasted text: the first line is the title; "Company: X" / "Location: Y"
/// lines and "Title at Company" are recognised.
/// </summary>
public sealed partial class PasteSource(SafeHttpFetcher fetcher) : IJobSource
{
    public const string Kind = "paste";
    public const string FeatureFlag = "Source." + Kind;

    private static readonly HtmlParser Parser = new();

    public SourceDescriptor Descriptor { get; } = new(Kind, FeatureFlag, true, SourceRateLimit.PerSecond(1)) { FileExtensions = [".txt", ".md", ".html", ".htm"] };

    public async Task<SourceBatch> FetchAsync(JobSourceQuery query, CancellationToken cancellationToken)
    {
        var target = query.Target.Trim();
        if (!Uri.TryCreate(target, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            return Parse(target, null);
        try
        {
            var page = await fetcher.FetchAsync(new FetchRequest(url, Descriptor) { IsHtmlPage = true, Accept = "text/html" }, cancellationToken);
            return ParsePage(page.Body, page.FinalUrl);
        }
        catch (FetchException ex)
        {
            return SourceBatch.Failed(Kind, ex.Message, url.ToString());
        }
    }

    public SourceBatch Parse(string payload, Uri? origin) =>
        payload.TrimStart().StartsWith('<') ? ParsePage(payload, origin) : ParseText(payload);

    private static SourceBatch ParsePage(string html, Uri? url)
    {
        var batch = new BatchBuilder(Kind);
        var document = Parser.ParseDocument(html);
        var structured = SchemaOrgJobPosting.Find(document, []);
        if (structured.Count > 0)
        {
            batch.Add(url?.ToString() ?? "page", () => SchemaOrgJobPosting.Read(structured[0], Kind, url));
            return batch.Build();
        }
        var main = document.QuerySelector("main, article, [role=main]") ?? document.Body;
        batch.Add(url?.ToString() ?? "page", () => new PostingDraft
        {
            SourceKind = Kind,
            Title = document.QuerySelector("h1")?.TextContent ?? document.Title,
            Company = document.QuerySelector("meta[property='og:site_name']")?.GetAttribute("content"),
            DescriptionHtml = main?.InnerHtml,
            Url = url?.AbsoluteUri,
            Raw = JsonSerializer.SerializeToElement(new Dictionary<string, string?> { ["url"] = url?.AbsoluteUri, ["title"] = document.Title }),
        });
        return batch.Build();
    }

    private static SourceBatch ParseText(string text)
    {
        var batch = new BatchBuilder(Kind);
        batch.Add("pasted text", () =>
        {
            var lines = text.Split('\n').Select(l => l.Trim()).ToList();
            var first = lines.FindIndex(l => l.Length > 0);
            if (first < 0) throw new PostingFormatException("the pasted text is empty");
            var (title, company) = RssSource.SplitTitle(lines[first], null);
            var draft = new PostingDraft { SourceKind = Kind, Title = title, Company = company, Raw = JsonSerializer.SerializeToElement(new Dictionary<string, string> { ["text"] = text }) };
            var body = new List<string>();
            foreach (var line in lines.Skip(first + 1))
            {
                var field = FieldPattern().Match(line);
                if (!field.Success) { body.Add(line); continue; }
                var value = field.Groups[2].Value.Trim();
                switch (field.Groups[1].Value.ToLowerInvariant())
                {
                    case "company" or "employer": draft.Company = value; break;
                    case "location": draft.Locations.Add(value); break;
                    case "salary" or "compensation" or "pay": draft.SalaryText = value; break;
                    case "type" or "employment type": draft.EmploymentType = value; break;
                    case "apply" or "url" or "link": draft.ApplyUrl = value.Contains('@', StringComparison.Ordinal) ? null : value; draft.ApplyEmail = value.Contains('@', StringComparison.Ordinal) ? value : null; break;
                }
            }
            draft.DescriptionPlain = string.Join('\n', body);
            return draft;
        });
        return batch.Build();
    }

    [GeneratedRegex(@"^(company|employer|location|salary|compensation|pay|type|employment type|apply|url|link)\s*:\s*(.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex FieldPattern();
}
