using System.Text.RegularExpressions;

namespace Jobsmith.Core.Inbox;

/// <summary>
/// The part of a reply its sender wrote: quoted lines and the quoted original below "On … wrote:" are cut, so the
/// candidate's own application (quoted back in every reply) never decides what the employer said.
/// </summary>
public static partial class ReplyText
{
    public static string Fresh(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = new List<string>();
        foreach (var line in text.ReplaceLineEndings("\n").Split('\n'))
        {
            if (QuoteHeader().IsMatch(line)) break;
            if (line.TrimStart().StartsWith('>')) continue;
            lines.Add(line);
        }
        return string.Join('\n', lines).Trim();
    }

    /// <summary>Lower case, typographic apostrophes and dashes made plain, whitespace collapsed: what the rules read.</summary>
    public static string Normalize(string text) =>
        Spaces().Replace(text.ToLowerInvariant().Replace('\u2019', '\'').Replace('\u2018', '\'').Replace('\u2013', '-').Replace('\u2014', '-'), " ").Trim();

    [GeneratedRegex(@"^\s*(On .{4,200} wrote:|-{2,}\s*Original Message\s*-{2,}|Am .{4,200} schrieb .{1,200}:|From: .+ Sent: .+)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex QuoteHeader();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
