using System.Globalization;

namespace Jobsmith.Core.Skills;

/// <summary>A job title resolved to its role, O*NET occupation and seniority.</summary>
/// <param name="Title">The role without seniority words, abbreviations expanded ("Software Engineer").</param>
/// <param name="MatchedTitle">The O*NET title it matched, null when none was close enough.</param>
/// <param name="Confidence">1 for an exact title match, else the token similarity (0..1).</param>
public sealed record TitleNormalization(
    string Input,
    string Title,
    Seniority Seniority,
    string? OccupationCode,
    string? OccupationTitle,
    string? MatchedTitle,
    double Confidence);

/// <summary>
/// Normalizes job titles from postings and resumes: "Sr. Software Engineer II" -> role "Software Engineer",
/// O*NET 15-1252.00 Software Developers, seniority Senior. Qualifiers after a comma, dash, bar or in brackets
/// ("Backend Engineer (Remote)", "Engineer - Payments") are left out of the role but still read for seniority.
/// </summary>
public static class TitleNormalizer
{
    /// <summary>Below this similarity an inexact title is not given an occupation.</summary>
    public const double MinimumConfidence = 0.5;

    private static readonly string[] QualifierSeparators = [" - ", " – ", " — ", " | ", ",", "(", "[", " @ ", " / "];

    public static TitleNormalization Normalize(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        var cut = QualifierSeparators.Select(s => title.IndexOf(s, StringComparison.Ordinal)).Where(i => i > 0).DefaultIfEmpty(title.Length).Min();
        var role = Words(title[..cut]);
        var seniority = Level(role, out var core);
        if (seniority == Seniority.Unknown) seniority = Level(Words(title[cut..]), out _);

        var catalogue = TitleCatalogue.Default;
        var display = Display(core.Select(w => w.Surface));
        var full = role.Select(w => TitleCatalogue.Stem(w.Word)).ToArray();
        var stems = core.Select(w => TitleCatalogue.Stem(w.Word)).ToArray();
        if ((catalogue.Exact(full) ?? catalogue.Exact(stems)) is { } exact)
            return new(title, display, seniority, exact.Code, catalogue.OccupationTitle(exact.Code), exact.Title, 1.0);
        if (catalogue.Nearest(stems) is { Score: >= MinimumConfidence } near)
            return new(title, display, seniority, near.Code, catalogue.OccupationTitle(near.Code), near.Title, Math.Round(near.Score, 3));
        return new(title, display, seniority, null, null, null, 0);
    }

    private readonly record struct TitleWord(string Word, string Surface);

    private static List<TitleWord> Words(string text)
    {
        var words = new List<TitleWord>();
        foreach (var t in SkillText.Tokenize(text))
        {
            var surface = text[t.Start..t.End];
            if (TitleWords.Abbreviations.TryGetValue(t.Norm, out var full))
                words.AddRange(full.Split(' ').Select(w => new TitleWord(w, w)));
            else
                words.Add(new TitleWord(t.Norm, surface));
        }
        return words;
    }

    /// <summary>The highest level word in the title, else a trailing level numeral ("Engineer II"); the remaining
    /// words are the role. Manager, director and executive words stay in the role: they are the job.</summary>
    private static Seniority Level(List<TitleWord> words, out List<TitleWord> core)
    {
        var level = Seniority.Unknown;
        core = [];
        var droppedPrevious = false;
        for (var i = 0; i < words.Count; i++)
        {
            var w = words[i].Word;
            var previous = i > 0 ? words[i - 1].Word : null;
            var next = i + 1 < words.Count ? words[i + 1].Word : null;
            var drop = false;
            if (TitleWords.Levels.TryGetValue(w, out var l) && !TitleWords.IsRoleWord(w, previous, next)
                && !(w == "manager" && previous is not null && TitleWords.RoleManagers.Contains(previous)))
            {
                level = l > level ? l : level;
                // "Team Lead" keeps its last word as the role; "Head of" is dropped like "Senior".
                drop = !((l >= Seniority.Manager && w != "head") || (w == "lead" && next is null && i > 0));
            }
            else if (droppedPrevious && TitleWords.LevelFillers.Contains(w))
            {
                drop = true;
            }
            else if (w is "co" && next is "founder")
            {
                drop = true;
            }
            droppedPrevious = drop;
            if (!drop) core.Add(words[i]);
        }
        if (core.Count > 1 && TitleWords.Numerals.TryGetValue(core[^1].Word, out var n))
        {
            if (level == Seniority.Unknown) level = n;
            core.RemoveAt(core.Count - 1);
        }
        if (core.Count == 0) core = words;
        return level;
    }

    private static readonly HashSet<string> SmallWords = new(StringComparer.Ordinal) { "of", "and", "for", "the", "in", "to", "at", "on" };

    private static string Display(IEnumerable<string> words) =>
        string.Join(' ', words.Select((w, i) =>
            w.Any(char.IsUpper) || (i > 0 && SmallWords.Contains(w)) ? w : CultureInfo.InvariantCulture.TextInfo.ToTitleCase(w)));
}
