using Jobsmith.Core.Profiles.Model;

namespace Jobsmith.Core.Profiles.Store;

/// <summary>The fact kinds a profile holds, and the rules an edited value must follow.</summary>
public static class FactKinds
{
    public const int MaxValueLength = 2000;

    public static readonly IReadOnlyList<string> All =
    [
        "name", "email", "phone", "location", "link", "headline", "summary", "skill", "project", "certification", "language",
        "experience.title", "experience.company", "experience.location", "experience.start", "experience.end", "experience.bullet",
        "education.degree", "education.field", "education.institution", "education.start", "education.end",
    ];

    public static bool HasEntry(string kind) => kind.StartsWith("experience.", StringComparison.Ordinal) || kind.StartsWith("education.", StringComparison.Ordinal);

    /// <summary>Why a value is not acceptable for a kind, or null when it is.</summary>
    public static string? Check(string kind, string? value)
    {
        if (!All.Contains(kind)) return $"Unknown fact kind '{kind}'.";
        if (string.IsNullOrWhiteSpace(value)) return "The value cannot be empty; delete the fact instead.";
        if (value.Length > MaxValueLength) return $"The value must be at most {MaxValueLength} characters.";
        if (kind.EndsWith(".start", StringComparison.Ordinal) || kind.EndsWith(".end", StringComparison.Ordinal))
        {
            var isPresent = kind == "experience.end" && value.Trim().Equals("Present", StringComparison.OrdinalIgnoreCase);
            if (!isPresent && !PartialDate.TryParseIso(value, out _))
                return "Dates are written as YYYY, YYYY-MM or YYYY-MM-DD" + (kind == "experience.end" ? ", or Present." : ".");
        }
        if (kind == "email" && !System.Net.Mail.MailAddress.TryCreate(value.Trim(), out _)) return "Enter a valid email address.";
        return null;
    }
}
