using System.Text.RegularExpressions;

namespace Jobsmith.Core.Documents;

/// <summary>
/// E1/E6: verifies each line against only the evidence it cites. Three kinds of claim are read from a line —
/// skills (the skills catalogue), numbers (amounts, percentages, dates) and names (capitalised words inside a
/// sentence: employers, titles, schools, places, people) — and each must appear in the cited evidence. Text quoted
/// from the posting (its title or company, cited as <c>posting.*</c>) is removed first: naming the job applied
/// for claims nothing about the candidate, and a posting is never evidence that the candidate has a skill.
/// </summary>
public static partial class ProvenanceChecker
{
    public const string PostingPrefix = "posting.";

    public static IReadOnlyList<LineFlag> Check(IReadOnlyList<DocumentLine> lines, IReadOnlyDictionary<string, string> evidence)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(evidence);
        var flags = new List<LineFlag>();
        for (var i = 0; i < lines.Count; i++) flags.AddRange(CheckLine(i, lines[i], evidence));
        return flags;
    }

    public static IEnumerable<LineFlag> CheckLine(int index, DocumentLine line, IReadOnlyDictionary<string, string> evidence)
    {
        var unknown = line.FactIds.Where(id => !evidence.ContainsKey(id)).ToList();
        foreach (var id in unknown) yield return new LineFlag(index, id, "cites a fact that is not in the profile");

        var cited = line.FactIds.Where(evidence.ContainsKey).ToList();
        var profileText = string.Join('\n', cited.Where(id => !id.StartsWith(PostingPrefix, StringComparison.Ordinal)).Select(id => evidence[id]));
        var allText = string.Join('\n', cited.Select(id => evidence[id]));
        var text = line.Text;
        foreach (var id in cited.Where(id => id.StartsWith(PostingPrefix, StringComparison.Ordinal)))
            if (evidence[id].Length > 0) text = text.Replace(evidence[id], " ", StringComparison.OrdinalIgnoreCase);

        var profileSkills = PostingTarget.SkillsIn(profileText).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var skill in PostingTarget.SkillsIn(text))
            if (!profileSkills.Contains(skill) && !Contains(profileText, skill))
                yield return new LineFlag(index, skill, "skill not in the cited profile facts");

        var numbers = Number().Matches(allText).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);
        foreach (Match number in Number().Matches(text))
            if (!numbers.Contains(number.Value))
                yield return new LineFlag(index, number.Value, "number or date not in the cited facts");

        foreach (var name in Names(text))
            if (!Contains(allText, name))
                yield return new LineFlag(index, name, "name not in the cited facts");
    }

    /// <summary>Capitalised words that do not open a sentence; a sentence opener is ordinary grammar, not a name.</summary>
    private static IEnumerable<string> Names(string text)
    {
        foreach (Match m in CapitalWord().Matches(text))
        {
            var before = text[..m.Index].TrimEnd();
            var opensSentence = before.Length == 0 || ".:;!?•–—-(\"“|".Contains(before[^1], StringComparison.Ordinal);
            if (opensSentence || m.Value == "I") continue;
            yield return m.Value;
        }
    }

    private static bool Contains(string haystack, string word) =>
        Regex.IsMatch(haystack, $@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(word)}(?![\p{{L}}\p{{N}}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    [GeneratedRegex(@"\d+(?:[.,]\d+)*")]
    private static partial Regex Number();

    [GeneratedRegex(@"(?<![\p{L}\p{N}'])\p{Lu}[\p{L}\p{N}&+#'.-]*(?<![.-])")]
    private static partial Regex CapitalWord();
}
