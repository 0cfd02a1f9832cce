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
    /// Flags for an alias nobody set by hand. Very short aliases need their exact case ("JS", "AI"), and so do
    /// acronyms ("BPMN", "FEAR" the tool is not "fear"). A capitalized name that is an ordinary English word needs
    /// its case ("English" the language, "Spring" the framework); for a technical skill ("Go", "Spring", "Access")
    /// it also needs context, so "Go beyond" and "Spring is here" do not match; so does a single letter ("C", "R").
    /// Lower-case ESCO labels ("genetics") are ordinary words by nature and match in any case.
    /// </summary>
    public static AliasFlags Flags(string surface, string key, bool technical, IReadOnlySet<string> commonWords)
    {
        var context = technical ? AliasFlags.NeedsContext : AliasFlags.None;
        if (key.Length <= 1) return AliasFlags.ExactCase | context;
        var singleToken = !key.Contains(' ');
        var hasUpper = surface.Any(char.IsUpper);
        if (singleToken && commonWords.Contains(key) && hasUpper) return AliasFlags.ExactCase | context;
        if (key.Length == 2) return AliasFlags.ExactCase;
        if (singleToken && surface.Count(char.IsLetter) >= 2 && surface.All(c => !char.IsLower(c))) return AliasFlags.ExactCase;
        return AliasFlags.None;
    }

    private static readonly HashSet<string> EdgeWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "and", "or", "of", "to", "for", "with", "in", "on", "at", "by", "as", "your", "our", "their",
        "be", "is", "are", "new",
    };

    /// <summary>Fragments such as "and procedures", "a programming language", "be responsible", "new ideas": a phrase
    /// that starts or ends with a function word is a piece of a sentence, not a skill name.</summary>
    public static bool IsFragment(string key)
    {
        var words = key.Split(' ');
        return words.Length > 1 && (EdgeWords.Contains(words[0]) || EdgeWords.Contains(words[^1]));
    }

    /// <summary>"Python (computer programming)" -> "Python"; null when there is no trailing parenthetical.</summary>
    public static string? StripParenthetical(string label)
    {
        var open = label.IndexOf(" (", StringComparison.Ordinal);
        if (open <= 0 || !label.EndsWith(')')) return null;
        return label[..open].Trim();
    }

    /// <summary>A single-word ESCO alt label is kept only when it is a proper name ("Maven", "Trello") or another
    /// form of a one-word preferred label ("phyto-therapy" for "phytotherapy", "medicine" for "medicines"):
    /// single words under longer labels ("engineering" for "packaging engineering", "lead" for "lead others",
    /// "unity" for "design principles") are examples or loose synonyms that match ordinary text far more often
    /// than they mean the skill.</summary>
    public static bool KeepSingleWordAlt(string alt, string preferredLabel, IReadOnlySet<string> commonWords)
    {
        var a = alt.ToLowerInvariant().Replace("-", "", StringComparison.Ordinal);
        if (alt.Any(char.IsUpper) && !commonWords.Contains(a)) return true;
        var p = preferredLabel.ToLowerInvariant();
        if (p.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal) == a) return true;
        if (p.Contains(' ', StringComparison.Ordinal)) return false;
        var n = Math.Min(Math.Min(a.Length, p.Length), 5);
        return n >= 4 && string.CompareOrdinal(a, 0, p, 0, n) == 0 && Math.Abs(a.Length - p.Length) <= 3;
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
