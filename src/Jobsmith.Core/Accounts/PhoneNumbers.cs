using System.Text.RegularExpressions;

namespace Jobsmith.Core.Accounts;

/// <summary>
/// Phone numbers for SMS notifications (G3), kept in E.164 (+ country code and number, digits only): the one form
/// every SMS provider accepts. People type spaces, dashes, dots and brackets; those are dropped, nothing is guessed.
/// </summary>
public static partial class PhoneNumbers
{
    /// <summary>The number in E.164, or null when it is not one (no leading + and country code, too short or long).</summary>
    public static string? Normalize(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed) || typed.Length > 40) return null;
        var compact = Separators().Replace(typed.Trim(), "");
        if (compact.StartsWith("00", StringComparison.Ordinal)) compact = "+" + compact[2..];
        return E164().IsMatch(compact) ? compact : null;
    }

    /// <summary>The number with all but its last three digits hidden, for pages and logs that only need to recognise it.</summary>
    public static string Masked(string number) =>
        number.Length <= 5 ? "•••" : number[..3] + new string('•', number.Length - 6) + number[^3..];

    [GeneratedRegex(@"[\s\-.()/]")]
    private static partial Regex Separators();

    [GeneratedRegex(@"^\+[1-9][0-9]{6,14}$")]
    private static partial Regex E164();
}
