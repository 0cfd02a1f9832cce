using Jobsmith.Core.Jobs.Normalization;

namespace Jobsmith.Core.Jobs.Dedupe;

/// <summary>
/// Title tokens for comparison: abbreviations expanded, and words that syndication adds or drops
/// ("Remote", "(m/f/d)") removed, so "Sr. Backend Engineer (m/w/d) - Remote" equals "Senior Backend Engineer".
/// </summary>
public static class TitleKey
{
    private static readonly Dictionary<string, string> Expansions = new(StringComparer.Ordinal)
    {
        ["sr"] = "senior", ["snr"] = "senior", ["jr"] = "junior", ["eng"] = "engineer", ["engr"] = "engineer",
        ["mgr"] = "manager", ["dev"] = "developer", ["swe"] = "software", ["mgmt"] = "management", ["ops"] = "operations",
    };

    private static readonly HashSet<string> Noise = new(StringComparer.Ordinal)
    {
        "remote", "hybrid", "onsite", "m", "f", "d", "w", "x", "mwd", "mfd", "fmd", "fmx", "mfx", "all", "genders", "gn",
        "h", "hf", "fh", "full", "time", "fulltime", "the", "a", "an", "and", "of", "in", "for",
    };

    public static HashSet<string> Of(string title) =>
        Tokens.Words(title).Select(w => Expansions.GetValueOrDefault(w, w)).Where(w => !Noise.Contains(w)).ToHashSet(StringComparer.Ordinal);

    public static double Similarity(HashSet<string> a, HashSet<string> b)
    {
        if (a.Count == 0 || b.Count == 0) return 0;
        var shared = a.Count(b.Contains);
        return (double)shared / (a.Count + b.Count - shared);
    }
}
