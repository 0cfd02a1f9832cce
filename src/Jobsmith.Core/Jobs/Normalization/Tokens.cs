using System.Globalization;
using System.Text;

namespace Jobsmith.Core.Jobs.Normalization;

/// <summary>Lower-cased, accent-free word tokens; the shared basis of company keys, title keys and shingles.</summary>
public static class Tokens
{
    public static IEnumerable<string> Words(string text)
    {
        var sb = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(char.ToLowerInvariant(c));
                continue;
            }
            if (sb.Length > 0) yield return sb.ToString();
            sb.Clear();
        }
        if (sb.Length > 0) yield return sb.ToString();
    }
}
