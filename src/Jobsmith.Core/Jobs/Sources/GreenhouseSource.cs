using System.Text.Json;
using Jobsmith.Core.Jobs.Fetching;
using Jobsmith.Core.Jobs.Normalization;

namespace Jobsmith.Core.Jobs.Sources;

/// <summary>
/// Greenhouse job board API: the list (GET boards-api.greenhouse.io/v1/boards/{board}/jobs?content=true), then each
/// job with its application questions (…/jobs/{id}?questions=true&amp;pay_transparency=true). Parse reads either shape.
/// </summary>
public sealed class GreenhouseSource(SafeHttpFetcher fetcher, Uri? baseUrl = null) : IJobSource
{
    public const string Kind = "greenhouse";
    public const string FeatureFlag = "Source." + Kind;

    /// <summary>Question lookups cost a request each; beyond this many jobs the list's content is used alone.</summary>
    public const int MaxQuestionLookups = 100;

    private readonly Uri _base = baseUrl ?? new Uri("https://boards-api.greenhouse.io/");

    public SourceDescriptor Descriptor { get; } = new(Kind, FeatureFlag, true, SourceRateLimit.PerSecond(4));

    public async Task<SourceBatch> FetchAsync(JobSourceQuery query, CancellationToken cancellationToken)
    {
        string board;
        try
        {
            board = SourceFetch.Slug(query.Target, "Greenhouse board token");
        }
        catch (ArgumentException ex)
        {
            return SourceBatch.Failed(Kind, ex.Message);
        }
        var list = await SourceFetch.FetchAndParseAsync(fetcher, this, () => new FetchRequest(new Uri(_base, $"v1/boards/{board}/jobs?content=true"), Descriptor), cancellationToken);
        var detailed = new List<SourceBatch> { list with { Postings = [] } };
        foreach (var posting in list.Postings)
        {
            if (detailed.Count > MaxQuestionLookups)
            {
                detailed.Add(new SourceBatch(Kind, 0, [posting], []));
                continue;
            }
            var detail = await SourceFetch.FetchAndParseAsync(fetcher, this, () => new FetchRequest(
                new Uri(_base, $"v1/boards/{board}/jobs/{Uri.EscapeDataString(posting.ExternalId)}?questions=true&pay_transparency=true"), Descriptor), cancellationToken);
            // The list already counted this posting; keep the list's copy if the detail request failed.
            detailed.Add(detail.Postings.Count == 1 ? detail with { Fetched = 0 } : new SourceBatch(Kind, 0, [posting], detail.Errors));
        }
        return SourceBatch.Combine(Kind, detailed);
    }

    public SourceBatch Parse(string payload, Uri? origin) => JsonPayload.Read(Kind, payload, root =>
    {
        var batch = new BatchBuilder(Kind);
        var board = BoardOf(origin);
        if (root.Field("jobs") is null && root.Field("title") is not null)
        {
            batch.Add(root.Str("id") ?? "#0", () => Read(root, board));
            return batch.Build();
        }
        var index = 0;
        foreach (var job in JsonPayload.RequireArray(root, "jobs"))
            batch.Add(JsonPayload.Locator(job, "id", ref index), () => Read(job, board));
        return batch.Build();
    });

    private static PostingDraft Read(JsonElement job, string? board)
    {
        if (job.ValueKind != JsonValueKind.Object) throw new PostingFormatException("job entry is not an object");
        var draft = new PostingDraft
        {
            SourceKind = Kind,
            ExternalId = job.Str("id"),
            Title = job.Str("title"),
            Company = job.Str("company_name") ?? board,
            DescriptionHtml = job.Str("content"),
            PostedAt = job.Date("first_published") ?? job.Date("updated_at"),
            Url = job.Str("absolute_url"),
            Raw = job.Clone(),
        };
        if (job.Obj("location")?.Str("name") is { } location) draft.Locations.Add(location);
        foreach (var field in job.Arr("metadata"))
        {
            var name = field.Str("name") ?? string.Empty;
            if (name.Contains("employment", StringComparison.OrdinalIgnoreCase) || name.Contains("time type", StringComparison.OrdinalIgnoreCase))
                draft.EmploymentType = field.Field("value")?.ValueKind == JsonValueKind.String ? field.Str("value") : null;
        }
        if (job.Field("questions") is not null)
            draft.QuestionNames = job.Arr("questions").SelectMany(q => q.Arr("fields")).Select(f => f.Str("name") ?? "").ToList();
        foreach (var range in job.Arr("pay_input_ranges"))
        {
            draft.Salary = SalaryParser.FromStructured(range.Num("min_cents") / 100, range.Num("max_cents") / 100, range.Str("currency_type"), "year");
            break;
        }
        return draft;
    }

    private static string? BoardOf(Uri? origin)
    {
        if (origin is null) return null;
        var segments = origin.Segments.Select(s => s.Trim('/')).ToList();
        var at = segments.IndexOf("boards");
        return at >= 0 && at + 1 < segments.Count ? segments[at + 1] : null;
    }
}
