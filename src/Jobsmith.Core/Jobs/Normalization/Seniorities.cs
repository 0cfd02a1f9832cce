using System.Text.RegularExpressions;

namespace Jobsmith.Core.Jobs.Normalization;

/// <summary>Seniority from the title (most reliable), else from a stated experience level or years.</summary>
public static partial class Seniorities
{
    private static readonly (Regex Pattern, Seniority Level)[] TitleRules =
    [
        (new Regex(@"\b(intern|internship|praktikant|werkstudent|working student|trainee)\b", RegexOptions.IgnoreCase), Seniority.Intern),
        (new Regex(@"\b(chief|cto|ceo|cfo|coo|vp|vice president|svp|evp)\b", RegexOptions.IgnoreCase), Seniority.Executive),
        (new Regex(@"\b(director|head of)\b", RegexOptions.IgnoreCase), Seniority.Director),
        (new Regex(@"\bprincipal\b", RegexOptions.IgnoreCase), Seniority.Principal),
        (new Regex(@"\bstaff\b", RegexOptions.IgnoreCase), Seniority.Staff),
        (new Regex(@"\b(lead|tech lead|team lead)\b", RegexOptions.IgnoreCase), Seniority.Lead),
        (new Regex(@"\bmanager\b", RegexOptions.IgnoreCase), Seniority.Manager),
        (new Regex(@"\b(senior|sr\.?|snr)\b|\b(iii|iv)\b", RegexOptions.IgnoreCase), Seniority.Senior),
        (new Regex(@"\b(junior|jr\.?|entry[- ]level|graduate|new grad|associate)\b|\bi\b", RegexOptions.IgnoreCase), Seniority.Junior),
        (new Regex(@"\b(mid[- ]?level|intermediate|ii)\b", RegexOptions.IgnoreCase), Seniority.Mid),
    ];

    public static Seniority Decide(string title, string? experienceLevel)
    {
        foreach (var (pattern, level) in TitleRules)
        {
            if (pattern.IsMatch(title)) return level;
        }
        if (string.IsNullOrWhiteSpace(experienceLevel)) return Seniority.Unknown;
        foreach (var (pattern, level) in TitleRules)
        {
            if (pattern.IsMatch(experienceLevel)) return level;
        }
        return FromYears(experienceLevel);
    }

    // "2-5 Yrs" (Naukri) or "5+ years": the lower bound decides.
    private static Seniority FromYears(string text)
    {
        var m = YearsPattern().Match(text);
        if (!m.Success) return Seniority.Unknown;
        var years = int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        return years switch { < 2 => Seniority.Junior, < 5 => Seniority.Mid, _ => Seniority.Senior };
    }

    [GeneratedRegex(@"(\d{1,2})\s*(?:\+|-\s*\d{1,2})?\s*(yrs?|years?)", RegexOptions.IgnoreCase)]
    private static partial Regex YearsPattern();
}
