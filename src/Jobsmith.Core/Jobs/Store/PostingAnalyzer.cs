using System.Text.RegularExpressions;
using Jobsmith.Core.Jobs.Normalization;
using Jobsmith.Core.Skills;

namespace Jobsmith.Core.Jobs.Store;

public sealed record AnalyzedSkill(string Text, int Start, int End, string Canonical);

/// <summary>What `jobsmith postings analyze` reports; enum values use the wire names (snake_case, lower case).</summary>
public sealed record PostingAnalysis(IReadOnlyList<AnalyzedSkill> Skills, string Seniority, SalaryRange? Salary, string Remote, string EmploymentType);

/// <summary>
/// Requirement extraction from one posting text. Skills come from the raw input so their offsets point into the
/// caller's text; the other fields come from the normalized posting, falling back to the short lines of the text
/// (headers such as "Remote (EU)" or "Salary: $120k") when the posting's own fields did not say.
/// </summary>
public static partial class PostingAnalyzer
{
    public static PostingAnalysis Analyze(string text, JobPosting? parsed)
    {
        var skills = SkillExtractor.Default.Extract(text).Select(m => new AnalyzedSkill(m.Text, m.Start, m.End, m.Canonical)).ToList();
        var shortLines = text.Split('\n').Select(l => l.Trim()).Where(l => l.Length is > 0 and <= 100).ToList();
        var remote = parsed?.Remote is { } r and not RemoteType.Unknown
            ? r
            : RemoteTypes.Decide(null, null, parsed?.Title ?? "", shortLines);
        var employment = parsed?.Employment is { } e and not Jobs.EmploymentType.Unknown ? e : EmploymentFromText(text);
        var salary = parsed?.Salary ?? shortLines.Where(l => SalaryHint().IsMatch(l)).Select(SalaryParser.FromText).FirstOrDefault(s => s is not null);
        return new PostingAnalysis(skills, Wire(parsed?.Seniority ?? Jobs.Seniority.Unknown), salary, Wire(remote), Wire(employment));
    }

    /// <summary>FullTime → full_time: the same style as the application type's wire names.</summary>
    public static string Wire<T>(T value) where T : struct, Enum =>
        CamelWords().Replace(value.ToString(), "$1_$2").ToLowerInvariant();

    private static EmploymentType EmploymentFromText(string text)
    {
        var match = EmploymentWords().Match(text);
        return match.Success ? EmploymentTypes.Parse(match.Value) : Jobs.EmploymentType.Unknown;
    }

    [GeneratedRegex(@"\b(full[- ]?time|part[- ]?time|contract|contractor|internship|freelance|temporary)\b", RegexOptions.IgnoreCase)]
    private static partial Regex EmploymentWords();

    [GeneratedRegex(@"\d.*([$€£¥₹]|\b(salary|compensation|pay|per (year|annum|hour|month)|/hr|/year)\b)|([$€£¥₹]|\b(salary|compensation|pay)\b).*\d", RegexOptions.IgnoreCase)]
    private static partial Regex SalaryHint();

    [GeneratedRegex("([a-z])([A-Z])")]
    private static partial Regex CamelWords();
}
