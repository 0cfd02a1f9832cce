using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Jobsmith.Core.Ai;

/// <summary>An extracted string that does not occur in the source text, with its JSON path.</summary>
public sealed record DroppedValue(string Path, string Value);

public sealed record SourceCheck(JsonNode? Kept, IReadOnlyList<DroppedValue> Dropped);

/// <summary>
/// Guards against invented values: every string in a model's extraction must occur in the source text
/// (compared after normalizing case, whitespace, dashes and quotes). Others are dropped: removed from
/// arrays, set to null in objects. Numbers and booleans are left alone.
/// </summary>
public static class SourceTextValidator
{
    public static SourceCheck Validate(JsonNode? extracted, string sourceText)
    {
        var source = Normalize(sourceText);
        var dropped = new List<DroppedValue>();
        var kept = extracted?.DeepClone();
        Visit(kept, "$", source, dropped);
        return new SourceCheck(kept, dropped);
    }

    public static bool Occurs(string value, string normalizedSource) =>
        normalizedSource.Contains(Normalize(value), StringComparison.Ordinal);

    /// <summary>Lower-case, NFKC, typographic dashes and quotes made plain, whitespace runs collapsed.</summary>
    public static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var raw in text.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsWhiteSpace(raw))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }
            if (pendingSpace) builder.Append(' ');
            pendingSpace = false;
            builder.Append(Plain(raw));
        }
        return builder.ToString();
    }

    private static char Plain(char c) => c switch
    {
        >= '\u2010' and <= '\u2015' or '\u2212' => '-',
        '\u2018' or '\u2019' or '\u201B' or '\u2032' => '\'',
        '\u201C' or '\u201D' or '\u201F' or '\u2033' => '"',
        _ => char.ToLowerInvariant(c),
    };

    private static void Visit(JsonNode? node, string path, string source, List<DroppedValue> dropped)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj.ToList())
                {
                    var childPath = $"{path}.{key}";
                    if (IsInvented(child, source, out var text))
                    {
                        dropped.Add(new DroppedValue(childPath, text));
                        obj[key] = null;
                    }
                    else Visit(child, childPath, source, dropped);
                }
                break;
            case JsonArray array:
                var removed = 0;
                for (var i = 0; i < array.Count; i++)
                {
                    var childPath = $"{path}[{(i + removed).ToString(CultureInfo.InvariantCulture)}]";
                    if (IsInvented(array[i], source, out var text))
                    {
                        dropped.Add(new DroppedValue(childPath, text));
                        array.RemoveAt(i--);
                        removed++;
                    }
                    else Visit(array[i], childPath, source, dropped);
                }
                break;
        }
    }

    private static bool IsInvented(JsonNode? node, string source, out string text)
    {
        text = "";
        if (node is not JsonValue value || value.GetValueKind() != JsonValueKind.String) return false;
        text = value.GetValue<string>();
        return !Occurs(text, source);
    }
}
