using System.Text.RegularExpressions;
using Jobsmith.Core.Profiles.Import;
using Jobsmith.Core.Profiles.Model;

namespace Jobsmith.Core.Profiles.Analysis;

/// <summary>
/// Skill phrases as written: every list item of skills sections, and the lists after labels such as
/// "Tools:" or "Technologies used:" anywhere in the resume. Durations like "(3 years)" are dropped.
/// </summary>
internal static partial class SkillPhraseExtractor
{
    private const int MaxWords = 5;

    public static List<ProfileSkill> Extract(ExtractedText text, IReadOnlyList<DetectedSection> sections)
    {
        var skills = new List<ProfileSkill>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var inSkills = sections.Where(s => s.Kind == ResumeSectionKind.Skills).SelectMany(s => s.Lines).Select(l => l.Number).ToHashSet();
        foreach (var line in text.Lines)
        {
            if (ContactLines.IsContactLine(line.Text)) continue;
            var label = SkillLabel().Match(line.Text);
            if (label.Success) AddList(line, label.Index + label.Length, skills, seen);
            else if (inSkills.Contains(line.Number)) AddList(line, Math.Max(0, LineText.BulletContentStart(line.Text)), skills, seen, true);
        }
        return skills;
    }

    private static void AddList(TextLine line, int from, List<ProfileSkill> skills, HashSet<string> seen, bool inSkillsSection = false)
    {
        var content = line.Text[from..];
        // "Databases: Oracle, MySQL" inside a skills section: the label names a group, the items are the skills.
        var colon = content.IndexOf(':', StringComparison.Ordinal);
        if (inSkillsSection && colon > 0 && colon < 40) from += colon + 1;
        var items = ItemSeparator().Split(line.Text[from..]);
        var offset = from;
        var listLike = items.Length > 1;
        // A sentence inside a skills section is prose about skills, not a list of them.
        if (!listLike && LineText.WordCount(line.Text[from..]) > 4) return;
        foreach (var item in items)
        {
            var at = line.Text.IndexOf(item, offset, StringComparison.Ordinal);
            offset = at + item.Length;
            var cleaned = Duration().Replace(item, m => new string(' ', m.Length));
            var piece = LineText.Take(line, at, cleaned.TrimEnd().Length);
            if (piece is null || !IsSkillPhrase(piece.Value, listLike) || !listLike && LooksLikeHeading(piece.Value)) continue;
            if (seen.Add(piece.Value)) skills.Add(new ProfileSkill(piece));
        }
    }

    // A lone capitalised word the catalogue does not know ("PATENTS", "VOLUNTEERING") heads a section this analysis
    // has no name for; it is not a skill, while "AWS" or "SQL" alone on a line are.
    private static bool LooksLikeHeading(string phrase) =>
        phrase.Length >= 4 && phrase.All(c => char.IsUpper(c) || c == ' ' || c == '&')
        && Jobsmith.Core.Skills.SkillsCatalogue.Default.FindListed(phrase) is null;

    private static bool IsSkillPhrase(string phrase, bool listLike)
    {
        var words = LineText.WordCount(phrase);
        if (words == 0 || words > (listLike ? MaxWords : 4) || phrase.Length > 60) return false;
        if (NotAPhraseStart().IsMatch(phrase) || DateRangeParser.FindSingle(phrase) is not null) return false;
        return phrase.Any(char.IsLetter) && !phrase.EndsWith('.') || phrase.Length <= 8;
    }

    [GeneratedRegex(@"(?i)^\s*(?:[•●▪\-*✓➢]\s*)?(?:technical\s+skills|key\s+skills|skills(?:\s+used)?|tools(?:\s+used)?|technolog(?:y|ies)(?:\s+used)?|environment|technique|tech(?:nology)?\s+stack|programming\s+languages|languages|software|frameworks|databases|platforms|operating\s+systems|web\s+technologies|ides?)\s*[:\-–]\s*")]
    private static partial Regex SkillLabel();

    [GeneratedRegex(@"^(?:and|or|to|of|in|the|a|an|with|including|etc|as|for|on|by|from|very|good|strong|excellent)\b|^\d")]
    private static partial Regex NotAPhraseStart();

    [GeneratedRegex(@"\s*(?:[,;|•●▪·]|\s\band\b\s|\s-\s)\s*")]
    private static partial Regex ItemSeparator();

    [GeneratedRegex(@"(?i)\((?:less than |over |more than )?\d*\+?\s*(?:years?|yrs?|months?)\)|\(\s*less than 1 year\s*\)")]
    private static partial Regex Duration();
}
