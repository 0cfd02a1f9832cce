namespace Jobsmith.Core.Profiles.Analysis;

/// <summary>
/// Lines that only say how to reach the candidate: an email, a phone, a web address, or profile-site labels such as
/// "LinkedIn | GitHub". A catalogue skill named there ("LinkedIn") is a link, not something the candidate can do.
/// </summary>
internal static class ContactLines
{
    private static readonly HashSet<string> SiteNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "linkedin", "github", "gitlab", "xing", "twitter", "x", "facebook", "instagram", "stack overflow", "stackoverflow",
        "behance", "dribbble", "medium", "portfolio", "website", "blog", "email", "e-mail", "phone", "mobile",
    };

    public static bool IsContactLine(string text) =>
        ContactPatterns.Email().IsMatch(text) || ContactPatterns.Url().IsMatch(text) || OnlySiteNames(text);

    private static bool OnlySiteNames(string text)
    {
        var pieces = text.Split(['|', '•', '·', ',', '\t', ':', '/'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(LineText.HasContent).ToList();
        return pieces.Count > 0 && pieces.All(SiteNames.Contains);
    }
}
