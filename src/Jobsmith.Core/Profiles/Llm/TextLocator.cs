using System.Text;
using System.Text.RegularExpressions;
using Jobsmith.Core.Profiles.Analysis;
using Jobsmith.Core.Profiles.Import;
using Jobsmith.Core.Profiles.Model;

namespace Jobsmith.Core.Profiles.Llm;

/// <summary>
/// Finds where a model's value sits in the resume text so it gets provenance like every rule-based fact.
/// The match ignores case, runs of whitespace (a value may span a line break) and dash/quote variants, as
/// the source-text validator does, and must start and end on word edges ("Java" is not inside
/// "JavaScript"). A value that cannot be found is counted and dropped by the caller.
/// </summary>
internal sealed class TextLocator(ExtractedText text)
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    public int Unlocated { get; private set; }

    /// <summary>The value's first occurrence inside <paramref name="within"/> if there is one, else in the whole text.</summary>
    public SourcedText? Find(string? value, SourceSpan? within = null)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var pattern = Pattern(value.Trim());
        var match = within is null ? null : Match(pattern, within.Start, within.End);
        if (match is null || !match.Success) match = Match(pattern, 0, text.Text.Length);
        if (match is null || !match.Success)
        {
            Unlocated++;
            return null;
        }
        var found = text.Text.Substring(match.Index, match.Length);
        return new SourcedText(found, SkillNormalizer.Span(text, match.Index, match.Index + match.Length));
    }

    private Match? Match(Regex pattern, int start, int end)
    {
        try
        {
            var input = text.Text[..Math.Clamp(end, 0, text.Text.Length)];
            return pattern.Match(input, Math.Clamp(start, 0, input.Length));
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }

    private static Regex Pattern(string value)
    {
        var builder = new StringBuilder();
        if (char.IsLetterOrDigit(value[0])) builder.Append(@"(?<![\p{L}\p{N}])");
        var pendingSpace = false;
        foreach (var c in value)
        {
            if (char.IsWhiteSpace(c)) { pendingSpace = true; continue; }
            if (pendingSpace) builder.Append(@"\s+");
            pendingSpace = false;
            builder.Append(c switch
            {
                '-' or (>= '\u2010' and <= '\u2015') or '\u2212' => @"[-\u2010-\u2015\u2212]",
                '\'' or '\u2018' or '\u2019' or '\u201B' or '\u2032' => @"['\u2018\u2019\u201B\u2032]",
                '"' or '\u201C' or '\u201D' or '\u201F' or '\u2033' => "[\"\u201C\u201D\u201F\u2033]",
                _ => Regex.Escape(c.ToString()),
            });
        }
        if (char.IsLetterOrDigit(value[^1])) builder.Append(@"(?![\p{L}\p{N}])");
        return new Regex(builder.ToString(), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, MatchTimeout);
    }
}
