using System.Text.RegularExpressions;
using Jobsmith.Core.Profiles.Import;
using Jobsmith.Core.Profiles.Model;

namespace Jobsmith.Core.Profiles.Analysis;

/// <summary>
/// Roles named in sentences: "worked as a Senior Systems Engineer", "joined as Associate System Engineer".
/// The words after "as" are cut to the longest run that ends in a title word and that the title catalogue
/// recognises, so "as a team player" or "as part of" yields nothing.
/// </summary>
internal static partial class ProseTitleFinder
{
    private const int MaxWords = 6;

    public static IEnumerable<SourcedText> Find(TextLine line, Func<string, bool> isTitle)
    {
        foreach (Match match in AsPhrase().Matches(line.Text))
        {
            var words = match.Groups["words"];
            var ends = WordEnds(words.Value).Take(MaxWords).ToList();
            for (var n = ends.Count; n >= 1; n--)
            {
                var candidate = words.Value[..ends[n - 1]];
                // A role ends on a noun, never on a joining word ("Director of").
                if (JoinWord().IsMatch(candidate) || !TitleVocabulary.EndsLikeTitle(candidate) || !isTitle(candidate)) continue;
                if (LineText.Take(line, words.Index, candidate.Length) is { } title) yield return title;
                break;
            }
        }
    }

    private static IEnumerable<int> WordEnds(string text)
    {
        for (var i = 1; i <= text.Length; i++)
            if (i == text.Length || text[i] == ' ') yield return i;
    }

    // The role runs until punctuation or a word that starts a new phrase ("in", "at", "for", "with").
    [GeneratedRegex(@"\b(?i:as)\s+(?:(?i:an?|the)\s+)?(?<words>[A-Za-z][\w.&/-]*(?:\s(?!(?i:in|at|for|with|from|to|and|on|since|where|who|which|during|under|by)\b)[A-Za-z][\w.&/-]*)*)")]
    private static partial Regex AsPhrase();

    [GeneratedRegex(@"\s(?i:of|and|&)$")]
    private static partial Regex JoinWord();
}
