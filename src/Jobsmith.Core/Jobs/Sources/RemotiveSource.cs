using System.Text.Json;
using Jobsmith.Core.Jobs.Fetching;
using Jobsmith.Core.Jobs.Normalization;

namespace Jobsmith.Core.Jobs.Sources;

/// <summary>Remotive's keyless remote-jobs API: GET remotive.com/api/remote-jobs?search=. Their terms ask for few calls a day.</summary>
public sealed class RemotiveSource(SafeHttpFetcher fetcher, Uri? baseUrl = null) : IJobSource
{
    public const string Kind = "remotive";
    public const string FeatureFlag = "Source." + Kind;

    private readonly Uri _base = baseUrl ?? new Uri("https://remotive.com/");

    public SourceDescriptor Descriptor { get; } = new(Kind, FeatureFlag, true, SourceRateLimit.PerMinute(2));

    public Task<SourceBatch> FetchAsync(JobSourceQuery query, CancellationToken cancellationToken) =>
        SourceFetch.FetchAndParseAsync(fetcher, this, () => new FetchRequest(
            new Uri(_base, "api/remote-jobs?" + SourceFetch.Query(("search", query.Keywords), ("limit", "100"))), Descriptor), cancellationToken);

    public SourceBatch Parse(string payload, Uri? origin) => JsonPayload.ReadArray(Kind, payload, "jobs", "id", Read);

    private static PostingDraft Read(JsonElement job)
    {
        if (job.ValueKind != JsonValueKind.Object) throw new PostingFormatException("job entry is not an object");
        var draft = new PostingDraft
        {
            SourceKind = Kind,
            ExternalId = job.Str("id"),
            Title = job.Str("title"),
            Company = job.Str("company_name"),
            Workplace = "remote",
            EmploymentType = job.Str("job_type"),
            SalaryText = job.Str("salary"),
            DescriptionHtml = job.Str("description"),
            PostedAt = job.Date("publication_date"),
            Url = job.Str("url"),
            Raw = job.Clone(),
        };
        if (job.Str("candidate_required_location") is { } region) draft.Locations.Add("Remote (" + region + ")");
        return draft;
    }
}
