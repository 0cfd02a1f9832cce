namespace Jobsmith.Core.Profiles.Analysis;

internal static class LineRules
{
    /// <summary>
    /// A line that can head an entry: short, no bullet, not a sentence. Date lines may be longer
    /// ("Senior Developer, Acme Corp, Boston, MA (June 2015 to Present)").
    /// </summary>
    public static bool IsHeaderLike(string text, bool allowLong)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0 || trimmed.Length > (allowLong ? 120 : 80)) return false;
        if (LineText.BulletContentStart(trimmed) >= 0) return false;
        if (LineText.WordCount(trimmed) > (allowLong ? 16 : 10)) return false;
        // Titles and employers start with a capital or a digit; a lowercase start is a wrapped sentence.
        if (char.IsLower(trimmed[0])) return false;
        if (SectionDetector.HeadingKind(trimmed) is not null) return false;
        var last = trimmed[^1];
        return last != '.' || trimmed.EndsWith("Ltd.", StringComparison.OrdinalIgnoreCase)
            || trimmed.EndsWith("Inc.", StringComparison.OrdinalIgnoreCase) || trimmed.EndsWith("Co.", StringComparison.OrdinalIgnoreCase)
            || LineText.WordCount(trimmed) <= 4;
    }
}
