using System.Text.Json;
using Jobsmith.Core.Jobs.Fetching;
using Jobsmith.Core.Jobs.Normalization;

namespace Jobsmith.Core.Jobs.Sources;

/// <summary>Jooble REST API with the user's key: POST jooble.org/api/{key} with {"keywords","location","page"}.</summary>
public sealed class JoobleSource(SafeHttpFetcher fetcher, Uri? baseUrl = null) : IJobSource
{
    public const string Kind = "jooble";
    public const string FeatureFlag = "Source." + Kind;

    private readonly Uri _base = baseUrl ?? new Uri("https://jooble.org/");

    public SourceDescriptor Descriptor { get; } = new(Kind, FeatureFlag, true, SourceRateLimit.PerMinute(20));

    public Task<SourceBatch> FetchAsync(JobSourceQuery query, CancellationToken cancellationToken) =>
        SourceFetch.FetchPagesAsync(fetcher, this, query, fullPage: 1, page => new FetchRequest(
            new Uri(_base, "api/" + Uri.EscapeDataString(query.RequireCredential("api_key"))), Descriptor)
        {
            Method = HttpMethod.Post,
            JsonBody = JsonSerializer.Serialize(new Dictionary<string, string>
            {
                ["keywords"] = query.Keywords ?? string.Empty, ["location"] = query.Location ?? string.Empty, ["page"] = page.ToString(),
            }),
        }, cancellationToken);

    public SourceBatch Parse(string payload, Uri? origin) => JsonPayload.ReadArray(Kind, payload, "jobs", "id", Read);

    private static PostingDraft Read(JsonElement job)
    {
        if (job.ValueKind != JsonValueKind.Object) throw new PostingFormatException("job entry is not an object");
        var draft = new PostingDraft
        {
            SourceKind = Kind,
            ExternalId = job.Str("id"),
            Title = job.Str("title"),
            Company = job.Str("company"),
            EmploymentType = job.Str("type"),
            SalaryText = job.Str("salary"),
            DescriptionHtml = job.Str("snippet"),
            PostedAt = job.Date("updated"),
            Url = job.Str("link"),
            Raw = job.Clone(),
        };
        if (job.Str("location") is { } location) draft.Locations.Add(location);
        return draft;
    }
}
