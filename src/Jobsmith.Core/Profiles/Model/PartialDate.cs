using System.Globalization;

namespace Jobsmith.Core.Profiles.Model;

/// <summary>A resume date: often only a year, sometimes a month, rarely a day.</summary>
public readonly record struct PartialDate(int Year, int? Month = null, int? Day = null)
{
    /// <summary>ISO 8601 at the precision given: "2019", "2019-03" or "2019-03-01".</summary>
    public override string ToString() =>
        Day is { } d && Month is { } m ? $"{Year:D4}-{m:D2}-{d:D2}"
        : Month is { } mo ? $"{Year:D4}-{mo:D2}"
        : Year.ToString("D4", CultureInfo.InvariantCulture);

    public static bool TryParseIso(string? text, out PartialDate date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var parts = text.Trim().Split('-');
        if (parts.Length > 3 || !TryInt(parts[0], 1900, 2100, out var year)) return false;
        int? month = null, day = null;
        if (parts.Length > 1)
        {
            if (!TryInt(parts[1], 1, 12, out var m)) return false;
            month = m;
        }
        if (parts.Length > 2)
        {
            if (!TryInt(parts[2], 1, 31, out var d)) return false;
            day = d;
        }
        date = new PartialDate(year, month, day);
        return true;
    }

    /// <summary>Months since year 0, for durations; a missing month counts as January.</summary>
    public int MonthIndex => Year * 12 + ((Month ?? 1) - 1);

    private static bool TryInt(string s, int min, int max, out int value) =>
        int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= min && value <= max;
}
