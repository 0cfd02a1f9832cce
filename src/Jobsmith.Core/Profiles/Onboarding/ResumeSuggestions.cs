using System.Globalization;
using Jobsmith.Core.Profiles.Store;

namespace Jobsmith.Core.Profiles.Onboarding;

/// <summary>
/// What the resume already says about the wizard's questions: the role to look for is the latest job's title (or the
/// headline), the place is the candidate's location, the level follows the title's seniority word or the years.
/// </summary>
public static class ResumeSuggestions
{
    public static string? Title(IReadOnlyList<ProfileFact> facts) =>
        LatestJob(facts)?.FirstOrDefault(f => f.Kind == "experience.title")?.Value ?? facts.FirstOrDefault(f => f.Kind == "headline")?.Value;

    public static string? Location(IReadOnlyList<ProfileFact> facts) => facts.FirstOrDefault(f => f.Kind == "location")?.Value;

    public static string? Level(string? title, double? years)
    {
        var words = (title ?? "").ToLowerInvariant().Split([' ', ',', '-', '/'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Any(w => w is "intern" or "internship" or "trainee")) return "intern";
        if (words.Any(w => w is "junior" or "jr" or "jr.")) return "junior";
        if (words.Any(w => w is "principal" or "staff" or "distinguished")) return "principal";
        if (words.Any(w => w is "lead" or "head")) return "lead";
        if (words.Any(w => w is "director" or "vp" or "chief" or "cto" or "ceo")) return "executive";
        if (words.Any(w => w is "senior" or "sr" or "sr.")) return "senior";
        return years switch { null => null, < 2 => "junior", < 5 => "mid", _ => "senior" };
    }

    public static string? Years(double? years) => years?.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>The jobs and degrees the profile holds, newest first as the resume lists them.</summary>
    public static IReadOnlyList<EntrySummary> Entries(IReadOnlyList<ProfileFact> facts, string prefix, string titleKind, string subtitleKind) =>
        [.. facts.Where(f => f.Kind.StartsWith(prefix, StringComparison.Ordinal) && f.Entry is not null).GroupBy(f => f.Entry!.Value).OrderBy(g => g.Key)
            .Select(g => new EntrySummary(
                g.FirstOrDefault(f => f.Kind == titleKind)?.Value ?? g.FirstOrDefault(f => f.Kind == subtitleKind)?.Value ?? "Untitled",
                g.FirstOrDefault(f => f.Kind == titleKind) is null ? null : g.FirstOrDefault(f => f.Kind == subtitleKind)?.Value,
                Period(g.FirstOrDefault(f => f.Kind == prefix + "start")?.Value, g.FirstOrDefault(f => f.Kind == prefix + "end")?.Value)))];

    private static string? Period(string? start, string? end) =>
        start is null && end is null ? null : start is null ? end : $"{start} – {end ?? "?"}";

    // The entry marked Present, else the first one: resumes list the latest job first.
    private static IGrouping<int, ProfileFact>? LatestJob(IReadOnlyList<ProfileFact> facts)
    {
        var jobs = facts.Where(f => f.Kind.StartsWith("experience.", StringComparison.Ordinal) && f.Entry is not null).GroupBy(f => f.Entry!.Value).OrderBy(g => g.Key).ToList();
        return jobs.FirstOrDefault(g => g.Any(f => f.Kind == "experience.end" && f.Value.Equals("Present", StringComparison.OrdinalIgnoreCase))) ?? jobs.FirstOrDefault();
    }
}
