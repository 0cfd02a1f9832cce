using System.Text.RegularExpressions;

namespace Jobsmith.Core.Skills.Building;

/// <summary>The judgement calls of the catalogue builder, kept together so they can be read and argued with.</summary>
internal static partial class CatalogueRules
{
    /// <summary>
    /// Category rule:
    /// <list type="bullet">
    /// <item>technical: every O*NET technology (tools, languages, platforms), and every ESCO skill whose label speaks
    /// of computing (software, programming, ICT, database, web, cloud, ...) or, for a capitalized ESCO knowledge item
    /// (a product name such as "Apache Maven"), one of whose aliases does;</item>
    /// <item>soft: ESCO skills whose label names a transversal, person-level ability (communication, teamwork,
    /// leadership, problem solving, adaptability, ...); ESCO v1.1.1 lost its transversal flag in this copy, so a
    /// word list stands in for it;</item>
    /// <item>domain: everything else: ESCO knowledge of a field (banking, supply chain, anatomy) and
    /// occupation-specific competences ("operate drilling equipment").</item>
    /// </list>
    /// The hand-written facts may override any of these.
    /// </summary>
    public static SkillCategory EscoCategory(EscoRow row)
    {
        var label = row.PreferredLabel;
        if (IctPattern().IsMatch(label)) return SkillCategory.Technical;
        if (row.IsKnowledge && label.Any(char.IsUpper) && row.AltLabels.Any(a => IctPattern().IsMatch(a)))
            return SkillCategory.Technical;
        if (SoftPattern().IsMatch(label)) return SkillCategory.Soft;
        return SkillCategory.Domain;
    }

    [GeneratedRegex(@"\b(software|computer|computing|programming|program code|ict|database|databases|web|website|cloud|cyber\w*|algorithms?|operating systems?|coding|source code|scripting|machine learning|artificial intelligence|markup language|query languages?|data mining|data models?|big data|data analytics|devops|internet of things|blockchain|networks? security|firewall|server|servers|digital|it security|online|app|apps|mobile device|user interface|computer vision|robotics|automation technology|integrated development environment|version control|spreadsheets?|word processing|CAD|CAM|CAE|SQL|API|UNIX|Linux)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex IctPattern();

    [GeneratedRegex(@"\b(communicat\w*|teams?|teamwork|leadership|lead others|motivat\w*|empath\w*|adapt to change|adaptab\w*|creativ\w*|think (critically|creatively|analytically|proactively|innovatively)|critical thinking|problem[- ]solving|solve problems|negotiat\w*|manage time|time management|initiative|cope with \w+|stress|collaborat\w*|cooperat\w*|interpersonal|listen actively|active listening|persua\w*|conflict management|flexib\w*|resilien\w*|attention to detail|integrity|self-\w+|lifelong learning|willingness to learn|mentor\w*|coach\w*|curiosity|work independently|reliab\w*|positive attitude|assertive\w*|emotional intelligence|make decisions|decision[- ]making|customer service|public speaking|give feedback|accept feedback|build (trust|relationships?|networks?)|networking|organi[sz]ational skills|plan\w* (own|your) work|meet (deadlines|commitments))\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SoftPattern();

    /// <summary>
    /// Flags for an alias nobody set by hand. Very short aliases need their exact case ("JS", "AI"), a single letter
    /// also needs context ("C", "R"); a capitalized tool name that is an ordinary English word ("Go", "Spring",
    /// "Access") needs both, so "go" the verb and "Spring" the season do not match. Lower-case ESCO labels
    /// ("genetics") are ordinary words by nature and match in any case.
    /// </summary>
    public static AliasFlags Flags(string surface, string key, IReadOnlySet<string> commonWords)
    {
        if (key.Length <= 1) return AliasFlags.ExactCase | AliasFlags.NeedsContext;
        var singleToken = !key.Contains(' ');
        var hasUpper = surface.Any(char.IsUpper);
        if (singleToken && commonWords.Contains(key) && hasUpper) return AliasFlags.ExactCase | AliasFlags.NeedsContext;
        if (key.Length == 2) return AliasFlags.ExactCase;
        if (singleToken && key.Length <= 4 && hasUpper && surface.All(c => !char.IsLower(c)) && commonWords.Contains(key))
            return AliasFlags.ExactCase;
        return AliasFlags.None;
    }

    /// <summary>"Python (computer programming)" -> "Python"; null when there is no trailing parenthetical.</summary>
    public static string? StripParenthetical(string label)
    {
        var open = label.IndexOf(" (", StringComparison.Ordinal);
        if (open <= 0 || !label.EndsWith(')')) return null;
        return label[..open].Trim();
    }

    /// <summary>A single lower-case ESCO alt label is kept only when it is a form of a word of the preferred label
    /// ("phyto-therapy" for "phytotherapy"): unrelated single words ("unity", "frames", "decide") are examples or
    /// loose synonyms that match ordinary text far more often than they mean the skill.</summary>
    public static bool SharesStem(string alt, string preferredLabel)
    {
        var a = alt.ToLowerInvariant().Replace("-", "", StringComparison.Ordinal);
        foreach (var t in SkillText.Tokenize(preferredLabel))
        {
            var n = Math.Min(Math.Min(a.Length, t.Norm.Length), 5);
            if (n >= 4 && string.CompareOrdinal(a, 0, t.Norm, 0, n) == 0) return true;
            if (preferredLabel.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal)
                .Equals(a, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }

    /// <summary>An acronym token as O*NET appends them: "Amazon Elastic Compute Cloud EC2", "... (PTVS)".</summary>
    public static bool IsAcronym(string token) =>
        token.Length is >= 2 and <= 8 && token.Count(char.IsLetter) >= 2
        && token.All(c => char.IsUpper(c) || char.IsDigit(c) || c == '-' || c == '&');

    /// <summary>Whether an acronym abbreviates the words before it: its letters are, in order, initials of those
    /// words or capitals inside them ("JSON" for "JavaScript Object Notation"; not "SQL" for "SoftRisk Technologies").</summary>
    public static bool Abbreviates(string acronym, IEnumerable<string> words)
    {
        var initials = string.Concat(words.Select(w => w.Length == 0 ? "" : char.ToUpperInvariant(w[0]) + string.Concat(w.Skip(1).Where(char.IsUpper))));
        var letters = acronym.Where(char.IsLetter).ToArray();
        if (letters.Length == 0 || initials.Length == 0) return false;
        var k = 0;
        foreach (var c in initials)
        {
            if (k < letters.Length && c == letters[k]) k++;
        }
        return k == letters.Length;
    }
}
