using System.Text.Json;
using Jobsmith.Core.Jobs.Normalization;

namespace Jobsmith.Core.Jobs.Sources;

/// <summary>Opens a JSON response, turning truncated JSON or an HTML error page into one readable reason.</summary>
internal static class JsonPayload
{
    private static readonly JsonDocumentOptions Options = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 };

    public static SourceBatch Read(string sourceKind, string payload, Func<JsonElement, SourceBatch> read)
    {
        var trimmed = payload.AsSpan().TrimStart();
        if (trimmed.IsEmpty) return SourceBatch.Failed(sourceKind, "empty response body");
        if (trimmed[0] == '<') return SourceBatch.Failed(sourceKind, "expected JSON but the response is HTML or XML (an error or login page?)");
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(payload, Options);
        }
        catch (JsonException ex)
        {
            return SourceBatch.Failed(sourceKind, $"response is not valid JSON (truncated?): {ex.Message}");
        }
        using (document)
        {
            try
            {
                return read(document.RootElement);
            }
            catch (PostingFormatException ex)
            {
                return SourceBatch.Failed(sourceKind, $"response has an unexpected shape: {ex.Message}");
            }
        }
    }

    /// <summary>
    /// The common shape "an object with one array of job records": each record is read on its own, so a bad
    /// record is rejected with its id (or position) while the rest of the response still ingests.
    /// </summary>
    public static SourceBatch ReadArray(string sourceKind, string payload, string arrayName, string idField, Func<JsonElement, PostingDraft> readJob) =>
        Read(sourceKind, payload, root =>
        {
            var batch = new BatchBuilder(sourceKind);
            var index = 0;
            foreach (var job in RequireArray(root, arrayName))
                batch.Add(Locator(job, idField, ref index), () => readJob(job));
            return batch.Build();
        });

    /// <summary>The root's array under <paramref name="name"/>, or a shape error naming what was found.</summary>
    public static IEnumerable<JsonElement> RequireArray(JsonElement root, string name) => root.Field(name) switch
    {
        { ValueKind: JsonValueKind.Array } a => a.EnumerateArray(),
        null => throw new PostingFormatException($"no '{name}' array in the response"),
        { } other => throw new PostingFormatException($"'{name}' should be an array but is {other.ValueKind.ToString().ToLowerInvariant()}"),
    };

    /// <summary>
    /// Names a record in error reports by its id, or by its position when the id is missing or malformed;
    /// never throws, so a bad id rejects only its own posting.
    /// </summary>
    public static string Locator(JsonElement record, string idField, ref int position)
    {
        if (record.ValueKind == JsonValueKind.Object && record.TryGetProperty(idField, out var id) && id.ValueKind is JsonValueKind.String or JsonValueKind.Number)
            return id.ValueKind == JsonValueKind.String ? id.GetString()! : id.GetRawText();
        return $"#{position++}";
    }

    public static IEnumerable<JsonElement> RequireRootArray(JsonElement root) => root.ValueKind == JsonValueKind.Array
        ? root.EnumerateArray()
        : throw new PostingFormatException($"the response should be a JSON array but is {root.ValueKind.ToString().ToLowerInvariant()}");
}
