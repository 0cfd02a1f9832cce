using System.Text.RegularExpressions;
using Jobsmith.Core.Jobs;
using Jobsmith.Core.Skills;

namespace Jobsmith.Core.Matching;

public enum SponsorshipStance { Unknown, Offered, Refused }

/// <summary>What ingest learns once about one posting: its skills, role, level, visa stance and pay per year.</summary>
public sealed record PostingFacts(
    IReadOnlyList<string> Skills,
    string Role,
    string? OccupationCode,
    int Level,
    SponsorshipStance Sponsorship,
    double? AnnualSalaryMax,
    double? AnnualSalaryMin);

/// <summary>
/// Derives <see cref="PostingFacts"/>. Skills come from <see cref="SkillExtractor"/> over title, requirements
/// and description; the role and level from <see cref="TitleNormalizer"/> (the posting's own seniority wins
/// when the source stated one). Results are memoized by text within one analyser because re-posted and
/// syndicated copies repeat the same description.
/// </summary>
public sealed partial class PostingAnalysis
{
    private readonly Dictionary<string, IReadOnlyList<string>> _skills = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TitleNormalization> _titles = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SponsorshipStance> _sponsorship = new(StringComparer.Ordinal);

    public PostingFacts Analyze(JobPosting posting)
    {
        ArgumentNullException.ThrowIfNull(posting);
        var skills = new SortedSet<string>(StringComparer.Ordinal);
        skills.UnionWith(SkillsOf(posting.Title));
        foreach (var requirement in posting.Requirements) skills.UnionWith(SkillsOf(requirement));
        skills.UnionWith(SkillsOf(posting.Description.Text));
        if (!_titles.TryGetValue(posting.Title, out var title)) _titles[posting.Title] = title = TitleNormalizer.Normalize(posting.Title);
        var level = posting.Seniority != Jobs.Seniority.Unknown ? Levels.Of(posting.Seniority) : Levels.Of(title.Seniority);
        var text = posting.Description.Text;
        if (!_sponsorship.TryGetValue(text, out var stance)) _sponsorship[text] = stance = StanceOf(text);
        return new PostingFacts([.. skills], title.Title, title.OccupationCode, level, stance,
            Annual(posting.Salary?.Max ?? posting.Salary?.Min, posting.Salary?.Period),
            Annual(posting.Salary?.Min ?? posting.Salary?.Max, posting.Salary?.Period));
    }

    /// <summary>Pay per year; null when the posting states no amount or no period.</summary>
    public static double? Annual(decimal? amount, SalaryPeriod? period) => amount is null ? null : period switch
    {
        SalaryPeriod.Year => (double)amount,
        SalaryPeriod.Month => (double)amount * 12,
        SalaryPeriod.Week => (double)amount * 52,
        SalaryPeriod.Day => (double)amount * 260,
        SalaryPeriod.Hour => (double)amount * 2080,
        _ => null,
    };

    internal static SponsorshipStance StanceOf(string text)
    {
        if (Refused().IsMatch(text)) return SponsorshipStance.Refused;
        return Offered().IsMatch(text) ? SponsorshipStance.Offered : SponsorshipStance.Unknown;
    }

    private IReadOnlyList<string> SkillsOf(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        if (!_skills.TryGetValue(text, out var found))
            _skills[text] = found = SkillExtractor.Default.Extract(text).Select(m => m.Canonical).Distinct(StringComparer.Ordinal).ToArray();
        return found;
    }

    [GeneratedRegex(@"\b(?:no|not|unable to|cannot|can't|won't|will not|do not|does not|don't)\s+(?:currently\s+)?(?:offer|provide|support|able to (?:offer|provide))?\s*(?:visa\s+)?sponsor|\bnot\s+eligible\s+for\s+(?:visa\s+)?sponsorship|\bwithout\s+(?:visa\s+)?sponsorship|\bsponsorship\s+(?:is\s+)?not\s+(?:available|offered|provided)", RegexOptions.IgnoreCase)]
    private static partial Regex Refused();

    [GeneratedRegex(@"\bvisa\s+sponsorship\s+(?:is\s+)?(?:available|offered|provided|possible)|\b(?:we|will|can)\s+(?:offer|provide|sponsor)\s+(?:visa\s+)?(?:sponsorship|visas?)\b|\brelocation and visa support\b", RegexOptions.IgnoreCase)]
    private static partial Regex Offered();
}

/// <summary>One ordinal scale for seniority (the Jobs and Skills enums order levels differently); -1 is unknown.</summary>
public static class Levels
{
    public const int Unknown = -1;

    public static int Of(Jobs.Seniority seniority) => seniority switch
    {
        Jobs.Seniority.Intern => 0,
        Jobs.Seniority.Junior => 1,
        Jobs.Seniority.Mid => 2,
        Jobs.Seniority.Senior => 3,
        Jobs.Seniority.Staff or Jobs.Seniority.Principal or Jobs.Seniority.Lead or Jobs.Seniority.Manager => 4,
        Jobs.Seniority.Director => 5,
        Jobs.Seniority.Executive => 6,
        _ => Unknown,
    };

    public static int Of(Skills.Seniority seniority) => seniority switch
    {
        Skills.Seniority.Intern => 0,
        Skills.Seniority.Junior => 1,
        Skills.Seniority.Mid => 2,
        Skills.Seniority.Senior => 3,
        Skills.Seniority.Lead or Skills.Seniority.Principal or Skills.Seniority.Manager => 4,
        Skills.Seniority.Director => 5,
        Skills.Seniority.Executive => 6,
        _ => Unknown,
    };

    /// <summary>Years of experience to a level, for profiles whose titles carry none.</summary>
    public static int FromYears(double years) => years switch
    {
        <= 0 => Unknown,
        < 2 => 1,
        < 5 => 2,
        < 10 => 3,
        _ => 4,
    };

    public static string Name(int level) => level switch
    {
        0 => "intern",
        1 => "junior",
        2 => "mid-level",
        3 => "senior",
        4 => "staff/lead",
        5 => "director",
        6 => "executive",
        _ => "unstated",
    };
}
