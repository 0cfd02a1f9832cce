using System.Text.RegularExpressions;

namespace Jobsmith.Core.Interviews;

/// <summary>
/// The ways an invitation names a time zone, each mapped to an IANA zone: IANA ids themselves, abbreviations ("CET",
/// "PST", "ET"), names ("Pacific Time", "Central European Time"), cities ("Berlin time") and UTC offsets ("UTC+2",
/// "GMT-05:00"). Abbreviations map to the zone people mean by them (CET to Berlin, ET to New York), so the daylight
/// saving of the interview's date is applied whichever half of the pair was written.
/// </summary>
internal static partial class InvitationTimeZones
{
    private static readonly (string Pattern, string Zone)[] Names =
    [
        (@"central european (?:summer |standard )?time|\bCES?T\b|\bMES?Z\b", "Europe/Berlin"),
        (@"eastern european (?:summer |standard )?time|\bEES?T\b", "Europe/Helsinki"),
        (@"western european (?:summer |standard )?time|\bWES?T\b", "Europe/Lisbon"),
        (@"british summer time|\bBST\b|\bUK time\b|\blondon time\b", "Europe/London"),
        (@"eastern (?:standard |daylight )?time|\bE[SD]?T\b", "America/New_York"),
        (@"central (?:standard |daylight )?time|\bC[SD]T\b|\bCT\b", "America/Chicago"),
        (@"mountain (?:standard |daylight )?time|\bM[SD]?T\b", "America/Denver"),
        (@"pacific (?:standard |daylight )?time|\bP[SD]?T\b", "America/Los_Angeles"),
        (@"india standard time|\bIST\b", "Asia/Kolkata"),
        (@"\bAE[SD]T\b|sydney time", "Australia/Sydney"),
        (@"\bJST\b|tokyo time", "Asia/Tokyo"),
        (@"\bSGT\b|singapore time", "Asia/Singapore"),
        (@"berlin time|german time|paris time|amsterdam time|madrid time|\bCET/CEST\b", "Europe/Berlin"),
        (@"new york time", "America/New_York"),
        (@"san francisco time|los angeles time|seattle time", "America/Los_Angeles"),
        (@"\b(?:UTC|GMT)\b(?!\s*[+\-−]\s*\d)", "UTC"),
    ];

    private static readonly Regex[] Compiled = [.. Names.Select(n => new Regex(n.Pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant))];

    /// <summary>The first zone named in <paramref name="text"/>, with where it was found; null when none is.</summary>
    public static (string Zone, int Index)? Find(string text)
    {
        (string Zone, int Index)? best = null;
        void Consider(string zone, int index) { if (best is null || index < best.Value.Index) best = (zone, index); }

        foreach (Match m in IanaId().Matches(text))
            if (TimeZones.Find(m.Value) is { } zone) { Consider(zone.Id, m.Index); break; }
        if (Offset().Match(text) is { Success: true } offset && FromOffset(offset) is { } fixedZone) Consider(fixedZone, offset.Index);
        for (var i = 0; i < Compiled.Length; i++)
        {
            // Abbreviations are matched case-sensitively ("ET" the zone, not "et" the word); names in any case.
            var m = Compiled[i].Match(text);
            while (m.Success && IsLowercaseAbbreviation(m.Value)) m = m.NextMatch();
            if (m.Success) Consider(Names[i].Zone, m.Index);
        }
        return best;
    }

    private static bool IsLowercaseAbbreviation(string value) => value.Length <= 5 && !value.Contains(' ', StringComparison.Ordinal) && !string.Equals(value, value.ToUpperInvariant(), StringComparison.Ordinal);

    // UTC+2, GMT-05:00, UTC +5:30: whole hours become Etc/GMT zones (whose sign is inverted by convention).
    private static string? FromOffset(Match m)
    {
        var sign = m.Groups[1].Value is "-" or "−" ? -1 : 1;
        var hours = int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
        var minutes = m.Groups[3].Success ? int.Parse(m.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
        if (hours > 14 || minutes is not (0 or 30 or 45)) return null;
        if (hours == 0 && minutes == 0) return "UTC";
        if (minutes != 0) return (sign, hours, minutes) switch { (1, 5, 30) => "Asia/Kolkata", (1, 9, 30) => "Australia/Darwin", (1, 5, 45) => "Asia/Kathmandu", _ => null };
        return TimeZones.Find($"Etc/GMT{(sign > 0 ? "-" : "+")}{hours}")?.Id;
    }

    [GeneratedRegex(@"\b(?:Europe|America|Asia|Africa|Australia|Pacific|Atlantic|Indian|Etc)/[A-Za-z_]+(?:/[A-Za-z_]+)?\b")]
    private static partial Regex IanaId();

    [GeneratedRegex(@"\b(?:UTC|GMT)\s*([+\-−])\s*(\d{1,2})(?::?(\d{2}))?\b", RegexOptions.IgnoreCase)]
    private static partial Regex Offset();
}
