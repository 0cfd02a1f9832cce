using System.Net;
using System.Text;
using System.Text.Json;
using Jobsmith.Core.Jobs.Fetching;
using Jobsmith.Core.Jobs.Normalization;

namespace Jobsmith.Core.Jobs.Sources;

/// <summary>Lever postings API: GET api.lever.co/v0/postings/{company}?mode=json (EU boards: api.eu.lever.co).</summary>
public sealed class LeverSource(SafeHttpFetcher fetcher, Uri? baseUrl = null) : IJobSource
{
    public const string Kind = "lever";
    public const string FeatureFlag = "Source." + Kind;

    private readonly Uri _base = baseUrl ?? new Uri("https://api.lever.co/");

    public SourceDescriptor Descriptor { get; } = new(Kind, FeatureFlag, true, SourceRateLimit.PerSecond(2));

    public Task<SourceBatch> FetchAsync(JobSourceQuery query, CancellationToken cancellationToken) =>
        SourceFetch.FetchAndParseAsync(fetcher, this, () => new FetchRequest(
            new Uri(_base, $"v0/postings/{SourceFetch.Slug(query.Target, "Lever company name")}?mode=json"), Descriptor), cancellationToken);

    public SourceBatch Parse(string payload, Uri? origin) => JsonPayload.Read(Kind, payload, root =>
    {
        var batch = new BatchBuilder(Kind);
        var company = origin?.Segments.LastOrDefault()?.Trim('/');
        var index = 0;
        foreach (var posting in JsonPayload.RequireRootArray(root))
            batch.Add(JsonPayload.Locator(posting, "id", ref index), () => Read(posting, company));
        return batch.Build();
    });

    private static PostingDraft Read(JsonElement posting, string? company)
    {
        if (posting.ValueKind != JsonValueKind.Object) throw new PostingFormatException("posting entry is not an object");
        var categories = posting.Obj("categories");
        var draft = new PostingDraft
        {
            SourceKind = Kind,
            ExternalId = posting.Str("id"),
            Title = posting.Str("text"),
            Company = company ?? CompanyFromUrl(posting.Str("hostedUrl")),
            Workplace = posting.Str("workplaceType"),
            EmploymentType = categories?.Str("commitment"),
            DescriptionHtml = DescriptionHtml(posting),
            PostedAt = posting.Date("createdAt"),
            Url = posting.Str("hostedUrl"),
            ApplyUrl = posting.Str("applyUrl"),
            Raw = posting.Clone(),
        };
        if (categories?.Str("location") is { } location) draft.Locations.Add(location);
        if (categories is { } c) draft.Locations.AddRange(c.Strings("allLocations"));
        if (posting.Obj("salaryRange") is { } salary)
            draft.Salary = SalaryParser.FromStructured(salary.Num("min"), salary.Num("max"), salary.Str("currency"), salary.Str("interval"));
        return draft;
    }

    // Lever splits a posting into description, titled lists (<li> HTML) and closing text; rejoin them in page order.
    private static string DescriptionHtml(JsonElement posting)
    {
        var html = new StringBuilder(posting.Str("description") ?? string.Empty);
        foreach (var list in posting.Arr("lists"))
            html.Append("<h3>").Append(WebUtility.HtmlEncode(list.Str("text") ?? "")).Append("</h3><ul>").Append(list.Str("content")).Append("</ul>");
        html.Append(posting.Str("additional"));
        return html.ToString();
    }

    private static string? CompanyFromUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var u) && u.Segments.Length > 1 ? u.Segments[1].Trim('/') : null;
}
