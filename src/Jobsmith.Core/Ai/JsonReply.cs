using System.Text.Json;
using System.Text.Json.Nodes;

namespace Jobsmith.Core.Ai;

/// <summary>Finds the JSON object in a model reply that may wrap it in ```json fences or a sentence of prose.</summary>
public static class JsonReply
{
    public static JsonObject? TryParseObject(string reply)
    {
        var candidate = Unfence(reply.Trim());
        var start = candidate.IndexOf('{', StringComparison.Ordinal);
        var end = candidate.LastIndexOf('}');
        if (start < 0 || end < start) return null;
        try
        {
            return JsonNode.Parse(candidate[start..(end + 1)]) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Unfence(string text)
    {
        var open = text.IndexOf("```", StringComparison.Ordinal);
        if (open < 0) return text;
        // Skip the info string ("json") on the fence line.
        var bodyStart = text.IndexOf('\n', open);
        if (bodyStart < 0) return text;
        var close = text.IndexOf("```", bodyStart, StringComparison.Ordinal);
        return close < 0 ? text[(bodyStart + 1)..] : text[(bodyStart + 1)..close];
    }
}
