using System.Text.Json;
using Jobsmith.Core.Jobs.Sources;

namespace Jobsmith.Core.Jobs.Import;

/// <summary>Which source parser reads an uploaded file, from its extension and, for JSON, its shape.</summary>
public static class PostingFileFormat
{
    /// <summary>The formats a person can pick on the upload form, with their labels.</summary>
    public static readonly IReadOnlyList<(string Kind, string Label)> Choices =
    [
        (CsvFileSource.Kind, "CSV with a header row"),
        (JsonResumeJobSource.Kind, "JSON Resume jobs (an array)"),
        (AshbySource.Kind, "Ashby job board JSON"),
        (GreenhouseSource.Kind, "Greenhouse job board JSON"),
        (LeverSource.Kind, "Lever postings JSON"),
        (RssSource.Kind, "RSS or Atom feed"),
    ];

    public static string? Detect(string fileName, string content)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (extension == ".csv") return CsvFileSource.Kind;
        if (extension is ".xml" or ".rss" or ".atom") return RssSource.Kind;
        if (extension is ".html" or ".htm") return JsonLdSource.Kind;
        return extension == ".json" || content.TrimStart().StartsWith('[') || content.TrimStart().StartsWith('{') ? FromJson(content) : null;
    }

    private static string? FromJson(string content)
    {
        try
        {
            using var document = JsonDocument.Parse(content);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Array)
                return root.GetArrayLength() > 0 && root[0].TryGetProperty("text", out _) && root[0].TryGetProperty("hostedUrl", out _)
                    ? LeverSource.Kind : JsonResumeJobSource.Kind;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("jobs", out var jobs) && jobs.ValueKind == JsonValueKind.Array && jobs.GetArrayLength() > 0)
            {
                var first = jobs[0];
                if (first.TryGetProperty("absolute_url", out _)) return GreenhouseSource.Kind;
                if (first.TryGetProperty("jobUrl", out _) || first.TryGetProperty("descriptionHtml", out _)) return AshbySource.Kind;
            }
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
