using System.Text.Json;
using System.Text.Json.Nodes;
using Jobsmith.Core.Profiles.Import;
using Jobsmith.Core.Profiles.Model;

namespace Jobsmith.Core.Profiles.JsonResume;

/// <summary>Typed, path-aware reads from an untrusted JSON Resume: a wrong type is a clear error, never a crash.</summary>
internal static class JsonResumeNodes
{
    public static JsonObject ParseRoot(byte[] content)
    {
        // JsonNode parses invalid UTF-8 inside strings lazily and would fail on first read; check it up front.
        if (!System.Text.Unicode.Utf8.IsValid(content))
            throw Invalid("the file is not UTF-8 text");
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(content, documentOptions: new JsonDocumentOptions { MaxDepth = 64, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            throw new ResumeImportException(ResumeImportError.NotJsonResume,
                $"The JSON file is not valid JSON (line {ex.LineNumber + 1}); it cannot be read as a JSON Resume.", ex);
        }
        if (root is not JsonObject obj)
            throw Invalid("a JSON Resume must be a JSON object");
        if (!obj.ContainsKey("basics") && !obj.ContainsKey("work") && !obj.ContainsKey("education") && !obj.ContainsKey("skills"))
            throw Invalid("none of basics, work, education or skills is present, so this is not a JSON Resume (jsonresume.org)");
        return obj;
    }

    public static string? Str(JsonObject obj, string key, string path) => obj[key] switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => throw Invalid($"{path}.{key} must be a string"),
    };

    public static JsonObject? Obj(JsonObject obj, string key, string path) => obj[key] switch
    {
        null => null,
        JsonObject o => o,
        _ => throw Invalid($"{path}.{key} must be an object"),
    };

    public static IEnumerable<(JsonObject Item, string Path)> Objects(JsonObject obj, string key, string path)
    {
        if (obj[key] is null) yield break;
        if (obj[key] is not JsonArray array) throw Invalid($"{path}.{key} must be an array");
        for (var i = 0; i < array.Count; i++)
            yield return (array[i] as JsonObject ?? throw Invalid($"{path}.{key}[{i}] must be an object"), $"{path}.{key}[{i}]");
    }

    public static List<string> Strings(JsonObject obj, string key, string path)
    {
        if (obj[key] is null) return [];
        if (obj[key] is not JsonArray array) throw Invalid($"{path}.{key} must be an array of strings");
        return array.Select((n, i) => n is JsonValue v && v.GetValueKind() == JsonValueKind.String
            ? v.GetValue<string>() : throw Invalid($"{path}.{key}[{i}] must be a string")).ToList();
    }

    public static PartialDate? Date(JsonObject obj, string key, string path)
    {
        var text = Str(obj, key, path);
        if (text is null) return null;
        return PartialDate.TryParseIso(text, out var date) ? date
            : throw Invalid($"{path}.{key} must be an ISO 8601 date such as 2019-03 (found '{Shorten(text)}')");
    }

    public static ResumeImportException Invalid(string what) =>
        new(ResumeImportError.NotJsonResume, $"Invalid JSON Resume: {what}.");

    private static string Shorten(string text) => text.Truncate(31, ellipsis: true);
}
