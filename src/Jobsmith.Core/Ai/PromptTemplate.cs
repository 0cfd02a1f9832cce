using System.Text.RegularExpressions;

namespace Jobsmith.Core.Ai;

/// <summary>
/// A versioned prompt. The id (e.g. "resume-extract.v1") is stored with every result so a changed prompt
/// never silently mixes with results of the old one.
/// </summary>
public sealed partial record PromptTemplate(string Name, int Version, string Text)
{
    public string Id => $"{Name}.v{Version}";

    /// <summary>
    /// Fills {{placeholders}} in one pass, so a value that itself contains "{{x}}" is never expanded.
    /// Untrusted text (documents) should go in a separate user message, not through here.
    /// </summary>
    public string Render(IReadOnlyDictionary<string, string> values)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        var rendered = Placeholder().Replace(Text, match =>
        {
            var key = match.Groups[1].Value;
            if (!values.TryGetValue(key, out var value))
                throw new InvalidOperationException($"Prompt {Id} needs a value for {{{{{key}}}}}.");
            used.Add(key);
            return value;
        });
        var unused = values.Keys.Where(k => !used.Contains(k)).ToList();
        if (unused.Count > 0)
            throw new InvalidOperationException($"Prompt {Id} has no placeholder for: {string.Join(", ", unused)}.");
        return rendered;
    }

    [GeneratedRegex(@"\{\{([a-z_]+)\}\}")]
    private static partial Regex Placeholder();
}
