using System.Text.Json;
using Jobsmith.Core.Jobs.Fetching;
using Jobsmith.Core.Jobs.Normalization;

namespace Jobsmith.Core.Jobs.Sources;

/// <summary>Arbeitnow's keyless job board API: GET arbeitnow.com/api/job-board-api?page=N (links.next for paging).</summary>
public sealed class ArbeitnowSource(SafeHttpFetcher fetcher, Uri? baseUrl = null) : IJobSource
{
    public const string Kind = "arbeitnow";
    public const string FeatureFlag = "Source." + Kind;

    private readonly Uri _base = baseUrl ?? new Uri("https://www.arbeitnow.com/");

    public SourceDescriptor Descriptor { get; } = new(Kind, FeatureFlag, true, SourceRateLimit.PerMinute(10));

    public Task<SourceBatch> FetchAsync(JobSourceQuery query, CancellationToken cancellationToken) =>
        SourceFetch.FetchPagesAsync(fetcher, this, query, fullPage: 1, page => new FetchRequest(new Uri(_base, $"api/job-board-api?page={page}"), Descriptor), cancellationToken);

    public SourceBatch Parse(string payload, Uri? origin) => JsonPayload.ReadArray(Kind, payload, "data", "slug", Read);

    private static PostingDraft Read(JsonElement job)
    {
        if (job.ValueKind != JsonValueKind.Object) throw new PostingFormatException("job entry is not an object");
        var draft = new PostingDraft
        {
            SourceKind = Kind,
            ExternalId = job.Str("slug"),
            Title = job.Str("title"),
            Company = job.Str("company_name"),
            RemoteFlag = job.Bool("remote") is true ? true : null,
            EmploymentType = job.Strings("job_types").FirstOrDefault(),
            DescriptionHtml = job.Str("description"),
            PostedAt = job.Date("created_at"),
            Url = job.Str("url"),
            Raw = job.Clone(),
        };
        if (job.Str("location") is { } location) draft.Locations.Add(location);
        return draft;
    }
}
