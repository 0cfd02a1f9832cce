using System.Text;

namespace Jobsmith.Core.Jobs.Normalization;

/// <summary>A comparison key for company names: "Acme, Inc." and "ACME GmbH" are the same employer.</summary>
public static class CompanyNames
{
    private static readonly HashSet<string> LegalSuffixes = new(StringComparer.Ordinal)
    {
        "inc", "incorporated", "llc", "ltd", "limited", "gmbh", "ag", "co", "corp", "corporation", "company", "plc", "sa", "sas",
        "bv", "nv", "ab", "oy", "as", "srl", "spa", "pty", "pvt", "private", "se", "kg", "ug", "labs", "lab", "hq", "the",
    };

    public static string Key(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return string.Empty;
        var sb = new StringBuilder();
        foreach (var word in Tokens.Words(name))
        {
            if (LegalSuffixes.Contains(word)) continue;
            sb.Append(word);
        }
        return sb.Length > 0 ? sb.ToString() : string.Concat(Tokens.Words(name));
    }
}
