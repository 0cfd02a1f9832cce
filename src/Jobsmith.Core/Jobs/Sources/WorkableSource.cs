using System.Text.Json;
using Jobsmith.Core.Jobs.Fetching;
using Jobsmith.Core.Jobs.Normalization;

namespace Jobsmith.Core.Jobs.Sources;

/// <summary>Workable's public widget API: GET apply.workable.com/api/v1/widget/accounts/{account}?details=true.</summary>
public sealed class WorkableSource(SafeHttpFetcher fetcher, Uri? baseUrl = null) : IJobSource
{
    public const string Kind = "workable";
    public const string FeatureFlag = "Source." + Kind;

    private readonly Uri _base = baseUrl ?? new Uri("https://apply.workable.com/");

    public SourceDescriptor Descriptor { get; } = new(Kind, FeatureFlag, true, SourceRateLimit.PerSecond(1));

    public Task<SourceBatch> FetchAsync(JobSourceQuery query, CancellationToken cancellationToken) =>
        SourceFetch.FetchAndParseAsync(fetcher, this, () => new FetchRequest(
            new Uri(_base, $"api/v1/widget/accounts/{SourceFetch.Slug(query.Target, "Workable account")}?details=true"), Descriptor), cancellationToken);

    public SourceBatch Parse(string payload, Uri? origin) => JsonPayload.Read(Kind, payload, root =>
    {
        var batch = new BatchBuilder(Kind);
        var company = root.Str("name");
        var index = 0;
        foreach (var job in JsonPayload.RequireArray(root, "jobs"))
            batch.Add(JsonPayload.Locator(job, "shortcode", ref index), () => Read(job, company));
        return batch.Build();
    });

    private static PostingDraft Read(JsonElement job, string? company)
    {
        if (job.ValueKind != JsonValueKind.Object) throw new PostingFormatException("job entry is not an object");
        var draft = new PostingDraft
        {
            SourceKind = Kind,
            ExternalId = job.Str("shortcode"),
            Title = job.Str("title"),
            Company = company,
            RemoteFlag = job.Bool("telecommuting"),
            EmploymentType = job.Str("employment_type"),
            ExperienceLevel = job.Str("experience"),
            DescriptionHtml = job.Str("description"),
            PostedAt = job.Date("published_on") ?? job.Date("created_at"),
            Url = job.Str("shortlink") ?? job.Str("url"),
            ApplyUrl = job.Str("application_url"),
            Raw = job.Clone(),
        };
        foreach (var location in job.Arr("locations"))
        {
            var parts = new[] { location.Str("city"), location.Str("region"), location.Str("country") }.Where(p => !string.IsNullOrWhiteSpace(p));
            draft.Locations.Add(string.Join(", ", parts));
        }
        if (draft.Locations.Count == 0)
            draft.Locations.Add(string.Join(", ", new[] { job.Str("city"), job.Str("state"), job.Str("country") }.Where(p => !string.IsNullOrWhiteSpace(p))));
        return draft;
    }
}
