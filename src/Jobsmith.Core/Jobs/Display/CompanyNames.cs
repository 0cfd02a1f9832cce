using System.Globalization;

namespace Jobsmith.Core.Jobs.Display;

/// <summary>
/// ATS boards name the company by its board slug ("yepoda", "acme-robotics") when the posting carries no display
/// name. A slug-looking name is shown as words ("Yepoda", "Acme Robotics"); a name that already has capitals or
/// spaces is the company's own spelling and is kept as it is.
/// </summary>
public static class CompanyNames
{
    public static string Display(string? company)
    {
        if (string.IsNullOrWhiteSpace(company)) return "";
        var name = company.Trim();
        if (!IsSlug(name)) return name;
        var words = name.Split(['-', '_'], StringSplitOptions.RemoveEmptyEntries);
        return string.Join(' ', words.Select(w => CultureInfo.InvariantCulture.TextInfo.ToTitleCase(w)));
    }

    private static bool IsSlug(string name) =>
        name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '_' or '.') && name.Any(char.IsAsciiLetterLower);
}
