using System.Text.Json;
using Jobsmith.Core.Jobs.Fetching;
using Jobsmith.Core.Jobs.Normalization;

namespace Jobsmith.Core.Jobs.Sources;

/// <summary>
/// RemoteOK's keyless API: GET remoteok.com/api. The first array element is their legal notice, not a job;
/// their terms require linking back to the posting URL, which we keep as the canonical URL.
/// </summary>
public sealed class RemoteOkSource(SafeHttpFetcher fetcher, Uri? baseUrl = null) : IJobSource
{
    public const string Kind = "remoteok";
    public const string FeatureFlag = "Source." + Kind;

    private readonly Uri _base = baseUrl ?? new Uri("https://remoteok.com/");

    public SourceDescriptor Descriptor { get; } = new(Kind, FeatureFlag, true, SourceRateLimit.PerMinute(2));

    public Task<SourceBatch> FetchAsync(JobSourceQuery query, CancellationToken cancellationToken) =>
        SourceFetch.FetchAndParseAsync(fetcher, this, () => new FetchRequest(
            new Uri(_base, "api" + (query.Keywords is { Length: > 0 } k ? "?" + SourceFetch.Query(("tag", k)) : "")), Descriptor), cancellationToken);

    public SourceBatch Parse(string payload, Uri? origin) => JsonPayload.Read(Kind, payload, root =>
    {
        var batch = new BatchBuilder(Kind);
        var index = 0;
        foreach (var job in JsonPayload.RequireRootArray(root))
        {
            if (job.ValueKind == JsonValueKind.Object && job.Field("legal") is not null && job.Field("position") is null) continue;
            batch.Add(JsonPayload.Locator(job, "id", ref index), () => Read(job));
        }
        return batch.Build();
    });

    private static PostingDraft Read(JsonElement job)
    {
        if (job.ValueKind != JsonValueKind.Object) throw new PostingFormatException("job entry is not an object");
        var draft = new PostingDraft
        {
            SourceKind = Kind,
            ExternalId = job.Str("id"),
            Title = job.Str("position"),
            Company = job.Str("company"),
            Workplace = "remote",
            Salary = SalaryParser.FromStructured(job.Num("salary_min"), job.Num("salary_max"), "USD", "year"),
            DescriptionHtml = job.Str("description"),
            PostedAt = job.Date("date") ?? job.Date("epoch"),
            Url = job.Str("url"),
            ApplyUrl = job.Str("apply_url"),
            Raw = job.Clone(),
        };
        if (job.Str("location") is { Length: > 0 } location) draft.Locations.Add(location);
        return draft;
    }
}
