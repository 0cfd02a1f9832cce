using System.Text.Json;
using Jobsmith.Core.Jobs.Fetching;
using Jobsmith.Core.Jobs.Normalization;

namespace Jobsmith.Core.Jobs.Sources;

/// <summary>
/// Adzuna search API with the user's own keys: GET api.adzuna.com/v1/api/jobs/{country}/search/{page}
/// ?app_id&amp;app_key&amp;what&amp;where. Results carry a snippet, not the full text.
/// </summary>
public sealed class AdzunaSource(SafeHttpFetcher fetcher, Uri? baseUrl = null) : IJobSource
{
    public const string Kind = "adzuna";
    public const string FeatureFlag = "Source." + Kind;

    private readonly Uri _base = baseUrl ?? new Uri("https://api.adzuna.com/");

    public SourceDescriptor Descriptor { get; } = new(Kind, FeatureFlag, true, SourceRateLimit.PerMinute(20));

    public Task<SourceBatch> FetchAsync(JobSourceQuery query, CancellationToken cancellationToken) =>
        SourceFetch.FetchPagesAsync(fetcher, this, query, fullPage: 50, page => new FetchRequest(new Uri(_base,
            $"v1/api/jobs/{SourceFetch.Slug(query.Country, "country code")}/search/{page}?" + SourceFetch.Query(
                ("app_id", query.RequireCredential("app_id")), ("app_key", query.RequireCredential("app_key")),
                ("what", query.Keywords), ("where", query.Location), ("results_per_page", "50"))), Descriptor), cancellationToken);

    public SourceBatch Parse(string payload, Uri? origin) => JsonPayload.ReadArray(Kind, payload, "results", "id", Read);

    private static PostingDraft Read(JsonElement job)
    {
        if (job.ValueKind != JsonValueKind.Object) throw new PostingFormatException("result entry is not an object");
        var draft = new PostingDraft
        {
            SourceKind = Kind,
            ExternalId = job.Str("id"),
            Title = job.Str("title"),
            Company = job.Obj("company")?.Str("display_name"),
            EmploymentType = job.Str("contract_time") ?? job.Str("contract_type"),
            DescriptionHtml = job.Str("description"),
            PostedAt = job.Date("created"),
            Url = job.Str("redirect_url"),
            Raw = job.Clone(),
        };
        // Adzuna estimates salaries it was not given; an estimate is not the employer's offer.
        if (job.Str("salary_is_predicted") != "1")
            draft.Salary = SalaryParser.FromStructured(job.Num("salary_min"), job.Num("salary_max"), null, "year");
        if (job.Obj("location")?.Str("display_name") is { } location) draft.Locations.Add(location);
        return draft;
    }
}
