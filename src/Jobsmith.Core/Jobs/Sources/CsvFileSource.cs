using System.Globalization;
using System.Text.Json;
using CsvHelper;
using Jobsmith.Core.Jobs.Fetching;
using Jobsmith.Core.Jobs.Normalization;

namespace Jobsmith.Core.Jobs.Sources;

/// <summary>
/// CSV imports with the columns of ARCHITECTURE.md (case-insensitive): external_id|id, title, company, location,
/// url, description, posted_at, salary, employment_type, remote. Other columns are kept as raw data.
/// </summary>
public sealed class CsvFileSource(SafeHttpFetcher fetcher) : IJobSource
{
    public const string Kind = "csv";
    public const string FeatureFlag = "Source." + Kind;

    public SourceDescriptor Descriptor { get; } = new(Kind, FeatureFlag, true, SourceRateLimit.PerSecond(1)) { FileExtensions = [".csv"] };

    public Task<SourceBatch> FetchAsync(JobSourceQuery query, CancellationToken cancellationToken) =>
        SourceFetch.FetchAndParseAsync(fetcher, this, () => new FetchRequest(new Uri(query.Target), Descriptor) { Accept = "text/csv, text/plain" }, cancellationToken);

    public SourceBatch Parse(string payload, Uri? origin)
    {
        using var csv = CsvReader.FromText(payload, null);
        string[] header;
        try
        {
            header = csv.Headers.Select(h => h.Trim().ToLowerInvariant()).ToArray();
        }
        catch (CsvFormatException ex)
        {
            return SourceBatch.Failed(Kind, $"the CSV header could not be read: {ex.Message}");
        }
        if (header.Length == 0) return SourceBatch.Failed(Kind, "the CSV file is empty (no header row)");
        if (!header.Contains("title")) return SourceBatch.Failed(Kind, $"the CSV has no 'title' column (found: {string.Join(", ", header)})");
        var batch = new BatchBuilder(Kind);
        while (ReadRow(csv, batch))
        {
            var row = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < header.Length; i++) row.TryAdd(header[i], i < csv.FieldCount ? csv.GetString(i) : string.Empty);
            batch.Add($"record {csv.RowNumber}", () => Read(row));
        }
        return batch.Build();
    }

    private static bool ReadRow(CsvReader csv, BatchBuilder batch)
    {
        try
        {
            return csv.Read();
        }
        catch (CsvFormatException ex)
        {
            batch.Error($"after record {csv.RowNumber}", $"unreadable CSV, import stopped here: {ex.Message}");
            return false;
        }
    }

    private static PostingDraft Read(Dictionary<string, string> row)
    {
        string? Get(string name) => row.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
        var description = Get("description");
        var looksLikeHtml = description is not null && description.Contains('<', StringComparison.Ordinal) && description.Contains('>', StringComparison.Ordinal);
        var postedText = Get("posted_at");
        var posted = JsonFields.ParseDate(postedText);
        if (postedText is not null && posted is null) throw new PostingFormatException($"posted_at '{postedText}' is not a date");
        var remote = Get("remote");
        var draft = new PostingDraft
        {
            SourceKind = Kind,
            ExternalId = Get("external_id") ?? Get("id"),
            Title = Get("title"),
            Company = Get("company"),
            Url = Get("url"),
            DescriptionHtml = looksLikeHtml ? description : null,
            DescriptionPlain = looksLikeHtml ? null : description,
            PostedAt = posted,
            SalaryText = Get("salary"),
            EmploymentType = Get("employment_type"),
            Workplace = remote,
            RemoteFlag = bool.TryParse(remote, out var flag) ? flag : remote is "1" or "yes" ? true : remote is "0" or "no" ? false : null,
            Raw = JsonSerializer.SerializeToElement(row),
        };
        if (Get("location") is { } location) draft.Locations.AddRange(location.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return draft;
    }
}
