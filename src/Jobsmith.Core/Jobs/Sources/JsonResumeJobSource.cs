using System.Text;
using System.Text.Json;
using Jobsmith.Core.Jobs.Fetching;
using Jobsmith.Core.Jobs.Normalization;

namespace Jobsmith.Core.Jobs.Sources;

/// <summary>
/// JSON imports: an array (or a single object) of JSON Resume job objects (jsonresume.org job schema:
/// title, company, type, date, description, location, remote, salary, experience, responsibilities,
/// qualifications, skills, meta.canonical).
/// </summary>
public sealed class JsonResumeJobSource(SafeHttpFetcher fetcher) : IJobSource
{
    public const string Kind = "jsonresume-job";
    public const string FeatureFlag = "Source." + Kind;

    public SourceDescriptor Descriptor { get; } = new(Kind, FeatureFlag, true, SourceRateLimit.PerSecond(1));

    public Task<SourceBatch> FetchAsync(JobSourceQuery query, CancellationToken cancellationToken) =>
        SourceFetch.FetchAndParseAsync(fetcher, this, () => new FetchRequest(new Uri(query.Target), Descriptor), cancellationToken);

    public SourceBatch Parse(string payload, Uri? origin) => JsonPayload.Read(Kind, payload, root =>
    {
        var batch = new BatchBuilder(Kind);
        var jobs = root.ValueKind == JsonValueKind.Object ? [root] : JsonPayload.RequireRootArray(root).ToList();
        for (var i = 0; i < jobs.Count; i++)
        {
            var job = jobs[i];
            batch.Add($"#{i}", () => Read(job));
        }
        return batch.Build();
    });

    private static PostingDraft Read(JsonElement job)
    {
        if (job.ValueKind != JsonValueKind.Object) throw new PostingFormatException("job entry is not an object");
        var responsibilities = job.Strings("responsibilities").ToList();
        var qualifications = job.Strings("qualifications").ToList();
        var draft = new PostingDraft
        {
            SourceKind = Kind,
            ExternalId = job.Str("id"),
            Title = job.Str("title"),
            Company = job.Str("company"),
            EmploymentType = job.Str("type"),
            Workplace = job.Str("remote") is { } remote && remote.Equals("Full", StringComparison.OrdinalIgnoreCase) ? "remote" : job.Str("remote"),
            ExperienceLevel = job.Str("experience"),
            SalaryText = job.Str("salary"),
            DescriptionPlain = Describe(job.Str("description"), responsibilities, qualifications),
            PostedAt = job.Date("date"),
            Url = job.Obj("meta")?.Str("canonical"),
            Raw = job.Clone(),
        };
        draft.Requirements.AddRange(qualifications);
        if (job.Field("location") is { ValueKind: JsonValueKind.Object } location)
        {
            var parts = new[] { location.Str("city"), location.Str("region"), location.Str("countryCode") };
            draft.Locations.Add(string.Join(", ", parts.Where(p => !string.IsNullOrWhiteSpace(p)).Distinct()));
        }
        else if (job.Str("location") is { } place)
        {
            draft.Locations.Add(place);
        }
        return draft;
    }

    private static string Describe(string? description, List<string> responsibilities, List<string> qualifications)
    {
        var text = new StringBuilder(description);
        if (responsibilities.Count > 0) text.Append("\n\nResponsibilities\n").AppendJoin('\n', responsibilities.Select(r => "• " + r));
        if (qualifications.Count > 0) text.Append("\n\nQualifications\n").AppendJoin('\n', qualifications.Select(q => "• " + q));
        return text.ToString();
    }
}
