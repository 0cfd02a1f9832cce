namespace Jobsmith.Core.Documents.Answers;

/// <summary>
/// A candidate's stored answers by key (E4), read-only. Values are exactly what the candidate saved; yes/no keys
/// hold "Yes" or "No". A key that is absent has no answer, and nothing fills it in.
/// </summary>
public sealed class AnswerBank
{
    public const int MaxValueLength = 500;

    public static readonly AnswerBank Empty = new(new Dictionary<string, string>());

    private readonly IReadOnlyDictionary<string, string> _values;

    public AnswerBank(IReadOnlyDictionary<string, string> values) =>
        _values = values.Where(v => !string.IsNullOrWhiteSpace(v.Value)).ToDictionary(v => v.Key, v => v.Value.Trim(), StringComparer.Ordinal);

    public IReadOnlyDictionary<string, string> Values => _values;

    public string? Get(string key) => _values.GetValueOrDefault(key);

    /// <summary>Evidence for the provenance check: each stored answer under its "bank.{key}" id.</summary>
    public IEnumerable<KeyValuePair<string, string>> Evidence() => _values.Select(v => KeyValuePair.Create(AnswerKeys.FactId(v.Key), v.Value));

    /// <summary>The stored form of a value for a key, or the reason it is refused.</summary>
    public static (string? Value, string? Error) Normalize(string key, string? value)
    {
        if (AnswerKeys.Find(key) is not { } definition) return (null, $"Unknown answer key '{key}'.");
        var trimmed = value?.Trim() ?? "";
        if (trimmed.Length == 0) return ("", null);
        if (trimmed.Length > MaxValueLength) return (null, $"An answer must be at most {MaxValueLength} characters.");
        if (definition.Shape == AnswerShape.YesNo)
            return trimmed.ToLowerInvariant() switch
            {
                "yes" or "y" or "true" => ("Yes", null),
                "no" or "n" or "false" => ("No", null),
                _ => (null, $"'{definition.Label}' takes Yes or No."),
            };
        if (definition.Shape == AnswerShape.Link && !(Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
            && !(Uri.TryCreate("https://" + trimmed, UriKind.Absolute, out uri) && uri.Host.Contains('.', StringComparison.Ordinal)))
            return (null, $"'{definition.Label}' takes a web address.");
        return (trimmed, null);
    }
}
