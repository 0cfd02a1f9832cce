using System.Text.Json;
using Jobsmith.Core.Jobs.Fetching;
using Jobsmith.Core.Jobs.Normalization;

namespace Jobsmith.Core.Jobs.Sources;

/// <summary>
/// Naukri's search API as used by its own search page: GET naukri.com/jobapi/v3/search?keyword&amp;location&amp;pageNo
/// with the page's appid/systemid headers. Experience, salary and location arrive as labelled placeholders.
/// Off by default.
/// </summary>
public sealed class NaukriSource(SafeHttpFetcher fetcher, Uri? baseUrl = null) : IJobSource
{
    public const string Kind = "naukri";
    public const string FeatureFlag = "Source." + Kind;

    private readonly Uri _base = baseUrl ?? new Uri("https://www.naukri.com/");

    public SourceDescriptor Descriptor { get; } = new(Kind, FeatureFlag, false, SourceRateLimit.PerMinute(4));

    public Task<SourceBatch> FetchAsync(JobSourceQuery query, CancellationToken cancellationToken) =>
        SourceFetch.FetchPagesAsync(fetcher, this, query, fullPage: 20, page => new FetchRequest(new Uri(_base,
            "jobapi/v3/search?" + SourceFetch.Query(("noOfResults", "20"), ("urlType", "search_by_keyword"), ("searchType", "adv"),
                ("keyword", query.Keywords), ("location", query.Location), ("pageNo", page.ToString()))), Descriptor)
        {
            Headers = new Dictionary<string, string> { ["appid"] = "109", ["systemid"] = "109" },
        }, cancellationToken);

    public SourceBatch Parse(string payload, Uri? origin) => JsonPayload.Read(Kind, payload, root =>
    {
        var batch = new BatchBuilder(Kind);
        var index = 0;
        foreach (var job in JsonPayload.RequireArray(root, "jobDetails"))
            batch.Add(JsonPayload.Locator(job, "jobId", ref index), () => Read(job, origin));
        return batch.Build();
    });

    private PostingDraft Read(JsonElement job, Uri? origin)
    {
        if (job.ValueKind != JsonValueKind.Object) throw new PostingFormatException("job entry is not an object");
        var placeholders = job.Arr("placeholders").GroupBy(p => p.Str("type") ?? "", StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First().Str("label"), StringComparer.OrdinalIgnoreCase);
        var draft = new PostingDraft
        {
            SourceKind = Kind,
            ExternalId = job.Str("jobId"),
            Title = job.Str("title"),
            Company = job.Str("companyName"),
            ExperienceLevel = placeholders.GetValueOrDefault("experience"),
            SalaryText = placeholders.GetValueOrDefault("salary"),
            DescriptionHtml = job.Str("jobDescription"),
            PostedAt = job.Date("createdDate"),
            Url = job.Str("jdURL") is { } path && Uri.TryCreate(origin ?? _base, path, out var url) ? url.AbsoluteUri : null,
            Raw = job.Clone(),
        };
        if (placeholders.GetValueOrDefault("location") is { } locations)
            draft.Locations.AddRange(locations.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return draft;
    }
}
