namespace Jobsmith.Core.Profiles.Analysis;

/// <summary>Whether a short line reads as a person's name: 2-5 capitalised words, no digits, no resume vocabulary.</summary>
internal static class NameRules
{
    private static readonly HashSet<string> NotNameWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "resume", "curriculum", "vitae", "cv", "template", "objective", "email", "phone", "mobile", "address", "street",
        "road", "contact", "profile", "summary", "experience", "education", "skills", "career", "professional",
        "personal", "page", "of", "the", "and", "in", "for", "at", "with", "to", "linkedin", "india", "usa", "university",
        "college", "school", "institute", "limited", "ltd", "inc", "pvt", "services", "solutions", "technologies",
        "willing", "relocate", "authorized", "work", "years", "details", "information", "name", "seeking", "position",
    };

    public static bool LooksLikeName(string text)
    {
        var trimmed = text.Trim().Trim(',', '.', ':', '-');
        if (trimmed.Length is < 4 or > 60 || trimmed.Any(c => char.IsDigit(c) || c is '@' or '/' or ':' or ',')) return false;
        var words = trimmed.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is < 2 or > 5) return false;
        foreach (var word in words)
        {
            if (!char.IsUpper(word[0]) || NotNameWords.Contains(word.Trim('.')) || TitleVocabulary.IsTitleWord(word)) return false;
            if (!word.All(c => char.IsLetter(c) || c is '.' or '\'' or '-' or '’')) return false;
        }
        return true;
    }
}
