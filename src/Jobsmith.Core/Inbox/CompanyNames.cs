using System.Text;

namespace Jobsmith.Core.Inbox;

/// <summary>Company names and email domains brought to one comparable form: "Acme Robotics GmbH" and "mail.acme-robotics.com" both become "acmerobotics".</summary>
public static class CompanyNames
{
    private static readonly HashSet<string> LegalWords = new(StringComparer.Ordinal)
    {
        "inc", "gmbh", "ltd", "llc", "corp", "corporation", "co", "ag", "plc", "sa", "bv", "limited", "company", "se", "kg", "the",
    };

    /// <summary>
    /// Mail services and applicant tracking systems send for many employers: their domain says nothing about which
    /// company wrote, so a sender there is matched by name and title instead.
    /// </summary>
    private static readonly HashSet<string> SharedSenders = new(StringComparer.Ordinal)
    {
        "gmail", "googlemail", "outlook", "hotmail", "yahoo", "icloud", "gmx", "web", "proton", "protonmail", "aol", "mail",
        "greenhouse", "greenhousemail", "lever", "workday", "myworkday", "smartrecruiters", "teamtailor", "workable", "workablemail",
        "ashbyhq", "icims", "recruitee", "personio", "jobvite", "bamboohr", "successfactors", "taleo", "linkedin", "indeed",
    };

    public static string Normalize(string company)
    {
        var words = company.ToLowerInvariant().Split([' ', ',', '.', '-', '&', '(', ')', '/'], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => !LegalWords.Contains(w));
        var text = new StringBuilder();
        foreach (var c in string.Concat(words))
            if (char.IsAsciiLetterOrDigit(c) || char.IsLetter(c)) text.Append(c);
        return text.ToString();
    }

    /// <summary>The name part of a domain ("careers.acme-robotics.co.uk" → "acmerobotics"); null for a shared mail service.</summary>
    public static string? OfDomain(string domain)
    {
        var labels = domain.ToLowerInvariant().Trim('.').Split('.', StringSplitOptions.RemoveEmptyEntries);
        if (labels.Length < 2) return null;
        // A two-part public suffix such as co.uk or com.au: the name is one label further left.
        var nameIndex = labels.Length >= 3 && labels[^1].Length == 2 && labels[^2].Length <= 3 ? labels.Length - 3 : labels.Length - 2;
        var name = Normalize(labels[nameIndex]);
        return name.Length == 0 || SharedSenders.Contains(name) ? null : name;
    }

    /// <summary>Whether a sender's domain belongs to the company: the same name, or one a prefix of the other (at least four letters).</summary>
    public static bool DomainMatches(string domain, string company)
    {
        var fromDomain = OfDomain(domain);
        var name = Normalize(company);
        if (fromDomain is null || name.Length < 2) return false;
        if (fromDomain == name) return true;
        var (shorter, longer) = fromDomain.Length <= name.Length ? (fromDomain, name) : (name, fromDomain);
        return shorter.Length >= 4 && longer.StartsWith(shorter, StringComparison.Ordinal);
    }
}
