using System.Text.RegularExpressions;
using Jobsmith.Core.Profiles.Model;

namespace Jobsmith.Core.Profiles.Analysis;

internal sealed record DateRange(PartialDate? Start, PartialDate? End, bool IsCurrent, int Index, int Length);

/// <summary>
/// Finds employment and study periods in a line: "Jan 2019 - Present", "2014 to 2016", "03/2018 – 11/2020",
/// "September 2017 onwards", "since 2015". A lone year is a range with only an end.
/// </summary>
internal static partial class DateRangeParser
{
    public static DateRange? FindRange(string text)
    {
        var match = Range().Match(text);
        if (match.Success)
        {
            var start = ReadDate(match, "a");
            var current = match.Groups["now"].Success;
            return new DateRange(start, current ? null : ReadDate(match, "b"), current, match.Index, match.Length);
        }
        var since = Since().Match(text);
        if (since.Success) return new DateRange(ReadDate(since, "a"), null, true, since.Index, since.Length);
        return null;
    }

    /// <summary>Any single date (graduation years, certificate dates), as a range with only an end.</summary>
    public static DateRange? FindSingle(string text)
    {
        var match = Single().Match(text);
        return match.Success ? new DateRange(null, ReadDate(match, "a"), false, match.Index, match.Length) : null;
    }

    private static PartialDate? ReadDate(Match match, string prefix)
    {
        var year = match.Groups[prefix + "y"];
        if (!year.Success) return null;
        int? month = match.Groups[prefix + "m"].Success ? MonthNumber(match.Groups[prefix + "m"].Value)
            : match.Groups[prefix + "n"].Success ? int.Parse(match.Groups[prefix + "n"].Value, System.Globalization.CultureInfo.InvariantCulture)
            : null;
        return new PartialDate(int.Parse(year.Value, System.Globalization.CultureInfo.InvariantCulture), month);
    }

    private static int MonthNumber(string name) => name.ToLowerInvariant()[..3] switch
    {
        "jan" => 1, "feb" => 2, "mar" => 3, "apr" => 4, "may" => 5, "jun" => 6,
        "jul" => 7, "aug" => 8, "sep" => 9, "oct" => 10, "nov" => 11, _ => 12,
    };

    // The month alternatives repeat in each pattern because source-generated regexes need constant strings.
    [GeneratedRegex(@"(?ix)\b(?:(?:(?<am>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?,?\s*|(?<an>0?[1-9]|1[0-2])[/.-]))?(?<ay>(?:19|20)\d{2})\b \s*(?:-|–|—|~|\bto\b|\btill\b|\buntil\b|\bthrough\b|\bthru\b)\s* (?:(?:(?:(?<bm>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?,?\s*|(?<bn>0?[1-9]|1[0-2])[/.-]))?(?<by>(?:19|20)\d{2})\b|(?<now>present|current(?:ly)?|now|today|till\s+date|to\s+date|date|ongoing|till\s+now)\b)")]
    private static partial Regex Range();

    [GeneratedRegex(@"(?ix)(?:\bsince\s+(?:(?<am>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?,?\s*)?(?<ay>(?:19|20)\d{2})\b|\b(?:(?<am>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?,?\s*)?(?<ay>(?:19|20)\d{2})\s*(?:onwards?|-\s*$))")]
    private static partial Regex Since();

    [GeneratedRegex(@"(?ix)\b(?:(?<am>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?,?\s*|(?<an>0?[1-9]|1[0-2])[/.-])?(?<ay>(?:19|20)\d{2})\b")]
    private static partial Regex Single();
}
