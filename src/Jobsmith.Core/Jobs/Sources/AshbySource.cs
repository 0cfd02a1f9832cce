using System.Text.Json;
using Jobsmith.Core.Jobs.Fetching;
using Jobsmith.Core.Jobs.Normalization;

namespace Jobsmith.Core.Jobs.Sources;

/// <summary>Ashby's public posting API: GET api.ashbyhq.com/posting-api/job-board/{board}?includeCompensation=true.</summary>
public sealed class AshbySource(SafeHttpFetcher fetcher, Uri? baseUrl = null) : IJobSource
{
    public const string Kind = "ashby";
    public const string FeatureFlag = "Source." + Kind;

    private readonly Uri _base = baseUrl ?? new Uri("https://api.ashbyhq.com/");

    public SourceDescriptor Descriptor { get; } = new(Kind, FeatureFlag, true, SourceRateLimit.PerSecond(2));

    public Task<SourceBatch> FetchAsync(JobSourceQuery query, CancellationToken cancellationToken) =>
        SourceFetch.FetchAndParseAsync(fetcher, this, () => new FetchRequest(
            new Uri(_base, $"posting-api/job-board/{SourceFetch.Slug(query.Target, "Ashby board name")}?includeCompensation=true"), Descriptor), cancellationToken);

    public SourceBatch Parse(string payload, Uri? origin) => JsonPayload.Read(Kind, payload, root =>
    {
        var batch = new BatchBuilder(Kind);
        var board = origin?.Segments.LastOrDefault()?.Trim('/');
        var index = 0;
        foreach (var job in JsonPayload.RequireArray(root, "jobs"))
            batch.Add(JsonPayload.Locator(job, "id", ref index), () => Read(job, board));
        return batch.Build();
    });

    private static PostingDraft Read(JsonElement job, string? board)
    {
        if (job.ValueKind != JsonValueKind.Object) throw new PostingFormatException($"job entry is {job.ValueKind.ToString().ToLowerInvariant()}, not an object");
        var jobUrl = job.Str("jobUrl");
        // Ashby sends the text twice; the HTML (kept in Raw) is only converted when the plain text is missing.
        var plain = job.Str("descriptionPlain");
        var draft = new PostingDraft
        {
            SourceKind = Kind,
            ExternalId = job.Str("id"),
            Title = job.Str("title"),
            Company = CompanyFromUrl(jobUrl) ?? board,
            Workplace = job.Str("workplaceType"),
            RemoteFlag = job.Bool("isRemote"),
            EmploymentType = job.Str("employmentType"),
            DescriptionHtml = string.IsNullOrWhiteSpace(plain) ? job.Str("descriptionHtml") : null,
            DescriptionPlain = plain,
            PostedAt = job.Date("publishedAt"),
            Url = jobUrl,
            ApplyUrl = job.Str("applyUrl"),
            Raw = job.Clone(),
        };
        if (job.Str("location") is { } primary) draft.Locations.Add(primary);
        foreach (var secondary in job.Arr("secondaryLocations"))
            if (secondary.Str("location") is { } place) draft.Locations.Add(place);
        if (job.Obj("compensation") is { } compensation) ReadCompensation(compensation, draft);
        return draft;
    }

    private static void ReadCompensation(JsonElement compensation, PostingDraft draft)
    {
        foreach (var component in compensation.Arr("summaryComponents"))
        {
            if (component.Str("compensationType") != "Salary") continue;
            draft.Salary = SalaryParser.FromStructured(component.Num("minValue"), component.Num("maxValue"), component.Str("currencyCode"), component.Str("interval"));
            return;
        }
        draft.SalaryText = compensation.Str("scrapeableCompensationSalarySummary") ?? compensation.Str("compensationTierSummary");
    }

    // jobs.ashbyhq.com/{board}/{id}: the board slug is the employer's name on Ashby.
    private static string? CompanyFromUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var u) && u.Segments.Length > 1 ? u.Segments[1].Trim('/') : null;
}
