namespace Jobsmith.Core.Jobs.Display;

/// <summary>
/// Words a person reads for the posting enums. Stored values arrive as enum names ("FullTime") or source spellings
/// ("full_time", "full-time"); both map to the same label, and "Unknown" maps to an empty string so pages hide it.
/// Shared by the web pages and the CLI so both say the same thing.
/// </summary>
public static class JobLabels
{
    private static readonly Dictionary<string, string> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        ["remote"] = "Remote", ["hybrid"] = "Hybrid", ["onsite"] = "On-site", ["any"] = "Any",
        ["fulltime"] = "Full-time", ["parttime"] = "Part-time", ["contract"] = "Contract", ["temporary"] = "Temporary",
        ["internship"] = "Internship", ["freelance"] = "Freelance",
        ["intern"] = "Intern", ["junior"] = "Junior", ["mid"] = "Mid-level", ["senior"] = "Senior", ["staff"] = "Staff",
        ["principal"] = "Principal", ["lead"] = "Lead", ["manager"] = "Manager", ["director"] = "Director", ["executive"] = "Executive",
        ["easyapply"] = "Easy apply", ["form"] = "Application form", ["email"] = "By email", ["complex"] = "Complex application",
        ["open"] = "Open", ["closed"] = "Closed",
        ["remoteok"] = "RemoteOK", ["jsonld"] = "Career pages (JSON-LD)", ["rss"] = "RSS feeds", ["linkedin"] = "LinkedIn", ["smartrecruiters"] = "SmartRecruiters",
        ["jsonresumejob"] = "JSON Resume jobs file", ["csv"] = "CSV file",
    };

    /// <summary>The label for any of the posting enums, or "" for unknown/empty values.</summary>
    public static string Of(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return "";
        var key = value.Replace("_", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        if (key.Equals("unknown", StringComparison.OrdinalIgnoreCase)) return "";
        return Words.TryGetValue(key, out var word) ? word : Sentence(value);
    }

    // Anything not in the table still reads as words: "some_value" -> "Some value".
    private static string Sentence(string value)
    {
        var spaced = value.Replace('_', ' ').Replace('-', ' ').Trim();
        return spaced.Length == 0 ? "" : char.ToUpperInvariant(spaced[0]) + spaced[1..];
    }
}
