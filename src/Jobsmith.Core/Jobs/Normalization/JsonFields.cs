using System.Globalization;
using System.Text.Json;

namespace Jobsmith.Core.Jobs.Normalization;

/// <summary>
/// Tolerant, typed reads from source JSON. Absent or null fields read as null; a field of the wrong type
/// throws <see cref="PostingFormatException"/> naming the field, so the posting is rejected with a reason.
/// </summary>
public static class JsonFields
{
    public static JsonElement? Field(this JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? v : null;

    public static string? Str(this JsonElement e, string name) => e.Field(name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.String } v => v.GetString(),
        { ValueKind: JsonValueKind.Number } v => v.GetRawText(),
        { ValueKind: JsonValueKind.True or JsonValueKind.False } v => v.GetRawText(),
        { } v => throw WrongType(name, "a string", v),
    };

    public static bool? Bool(this JsonElement e, string name) => e.Field(name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        { ValueKind: JsonValueKind.String } v when bool.TryParse(v.GetString(), out var b) => b,
        { ValueKind: JsonValueKind.Number } v => v.GetDecimal() != 0,
        { } v => throw WrongType(name, "a boolean", v),
    };

    public static decimal? Num(this JsonElement e, string name) => e.Field(name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.Number } v => v.GetDecimal(),
        { ValueKind: JsonValueKind.String } v when v.GetString() is { Length: 0 } => null,
        { ValueKind: JsonValueKind.String } v when decimal.TryParse(v.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        { } v => throw WrongType(name, "a number", v),
    };

    public static JsonElement? Obj(this JsonElement e, string name) => e.Field(name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.Object } v => v,
        { } v => throw WrongType(name, "an object", v),
    };

    public static IEnumerable<JsonElement> Arr(this JsonElement e, string name) => e.Field(name) switch
    {
        null => [],
        { ValueKind: JsonValueKind.Array } v => v.EnumerateArray(),
        { } v => throw WrongType(name, "an array", v),
    };

    public static IEnumerable<string> Strings(this JsonElement e, string name) =>
        e.Arr(name).Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!);

    /// <summary>ISO 8601 text, "2024-07" months, or Unix epoch seconds / milliseconds.</summary>
    public static DateTimeOffset? Date(this JsonElement e, string name) => e.Field(name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.Number } v => FromEpoch(v.GetInt64()),
        { ValueKind: JsonValueKind.String } v => ParseDate(v.GetString()),
        { } v => throw WrongType(name, "a date", v),
    };

    public static DateTimeOffset? ParseDate(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var epoch)) return FromEpoch(epoch);
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var d)) return d;
        if (DateTimeOffset.TryParseExact(text.Trim(), ["yyyy-MM", "yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out d)) return d;
        return null;
    }

    // Boards mix seconds (Arbeitnow, RemoteOK) and milliseconds (Lever, Indeed); 10^11 seconds is the year 5138.
    private static DateTimeOffset FromEpoch(long value) =>
        value > 100_000_000_000 ? DateTimeOffset.FromUnixTimeMilliseconds(value) : DateTimeOffset.FromUnixTimeSeconds(value);

    private static PostingFormatException WrongType(string name, string expected, JsonElement actual) =>
        new($"field '{name}' should be {expected} but is {actual.ValueKind.ToString().ToLowerInvariant()}");
}
