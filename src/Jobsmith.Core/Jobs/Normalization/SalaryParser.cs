using System.Globalization;
using System.Text.RegularExpressions;

namespace Jobsmith.Core.Jobs.Normalization;

/// <summary>
/// Reads pay from structured fields (min/max/currency/interval) and from free text such as
/// "$120k–$150k", "€60.000 - €75.000 per year", "45/hr", "USD 100,000" or "up to £50k".
/// </summary>
public static partial class SalaryParser
{
    private static readonly Dictionary<string, string> SymbolCurrencies = new(StringComparer.OrdinalIgnoreCase)
    {
        ["$"] = "USD", ["US$"] = "USD", ["€"] = "EUR", ["£"] = "GBP", ["¥"] = "JPY", ["₹"] = "INR",
        ["C$"] = "CAD", ["CA$"] = "CAD", ["A$"] = "AUD", ["AU$"] = "AUD", ["CHF"] = "CHF", ["Rs"] = "INR",
    };

    public static SalaryRange? FromStructured(decimal? min, decimal? max, string? currency, string? interval)
    {
        if (min is null && max is null) return null;
        if (min is <= 0) min = null;
        if (max is <= 0) max = null;
        if (min is null && max is null) return null;
        if (min > max) (min, max) = (max, min);
        var period = ParsePeriod(interval);
        if (period == SalaryPeriod.Unknown) period = InferPeriod(max ?? min);
        return new SalaryRange(min, max, NormalizeCurrency(currency), period);
    }

    public static SalaryRange? FromText(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var amounts = AmountPattern().Matches(text);
        if (amounts.Count == 0) return null;

        var first = amounts[0];
        var currency = CurrencyOf(first) ?? CurrencyOf(amounts.Count > 1 ? amounts[1] : first) ?? CodeNear(text);
        var firstValue = ValueOf(first);
        if (firstValue is null) return null;

        decimal? min = firstValue, max = firstValue;
        if (amounts.Count > 1 && IsRangeBetween(text, first, amounts[1]) && ValueOf(amounts[1]) is { } second)
        {
            // "60-75k" puts the multiplier only on the upper bound; apply it to both.
            if (first.Groups["mult"].Length == 0 && amounts[1].Groups["mult"].Length > 0 && firstValue < second / 100)
                min = firstValue * Multiplier(amounts[1].Groups["mult"].Value);
            max = second;
        }
        else if (UpperOnlyPattern().IsMatch(text[..first.Index])) min = null;
        else if (LowerOnlyPattern().IsMatch(text[..first.Index])) max = null;

        var period = ParsePeriod(text);
        if (period == SalaryPeriod.Unknown) period = InferPeriod(max ?? min);
        if (min > max) (min, max) = (max, min);
        return new SalaryRange(min, max, currency, period);
    }

    public static SalaryPeriod ParsePeriod(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return SalaryPeriod.Unknown;
        var t = text.ToLowerInvariant();
        if (HourPattern().IsMatch(t)) return SalaryPeriod.Hour;
        if (DayPattern().IsMatch(t)) return SalaryPeriod.Day;
        if (WeekPattern().IsMatch(t)) return SalaryPeriod.Week;
        if (MonthPattern().IsMatch(t)) return SalaryPeriod.Month;
        if (YearPattern().IsMatch(t)) return SalaryPeriod.Year;
        return SalaryPeriod.Unknown;
    }

    // Without a stated period, magnitude is the only evidence: nobody is paid 80,000 an hour.
    private static SalaryPeriod InferPeriod(decimal? value) => value switch
    {
        null => SalaryPeriod.Unknown,
        >= 15_000 => SalaryPeriod.Year,
        <= 500 => SalaryPeriod.Hour,
        _ => SalaryPeriod.Unknown,
    };

    private static string? NormalizeCurrency(string? code)
    {
        if (string.IsNullOrWhiteSpace(code)) return null;
        var trimmed = code.Trim();
        return SymbolCurrencies.TryGetValue(trimmed, out var iso) ? iso : trimmed.ToUpperInvariant();
    }

    private static string? CurrencyOf(Match m)
    {
        var symbol = m.Groups["pre"].Success ? m.Groups["pre"].Value : m.Groups["post"].Value;
        return string.IsNullOrEmpty(symbol) ? null : NormalizeCurrency(symbol);
    }

    private static string? CodeNear(string text) =>
        CodePattern().Match(text) is { Success: true } m ? m.Value.ToUpperInvariant() : null;

    private static bool IsRangeBetween(string text, Match a, Match b)
    {
        var between = text[(a.Index + a.Length)..b.Index].Trim().ToLowerInvariant();
        return between is "-" or "–" or "—" or "to" or "bis" or "and" or "" || RangeGapPattern().IsMatch(between);
    }

    private static decimal? ValueOf(Match m)
    {
        var number = ParseNumber(m.Groups["num"].Value);
        if (number is null) return null;
        return number * Multiplier(m.Groups["mult"].Value);
    }

    private static decimal Multiplier(string suffix) => suffix.ToLowerInvariant() switch
    {
        "k" => 1_000m,
        "m" or "mm" => 1_000_000m,
        "lakh" or "lakhs" or "lac" or "lacs" or "lpa" => 100_000m,
        _ => 1m,
    };

    /// <summary>Accepts "100,000", "60.000" (European grouping), "30.00", "1 200" and "45".</summary>
    internal static decimal? ParseNumber(string raw)
    {
        var s = raw.Replace(" ", "", StringComparison.Ordinal).Replace("\u00a0", "", StringComparison.Ordinal);
        if (GroupedPattern().IsMatch(s))
        {
            var sep = s[s.Length - 4] is ',' or '.' ? s[s.Length - 4] : ',';
            s = s.Replace(sep.ToString(), "", StringComparison.Ordinal);
        }
        else if (s.Contains(',', StringComparison.Ordinal) && !s.Contains('.', StringComparison.Ordinal))
        {
            s = s.Replace(',', '.');
        }
        else
        {
            s = s.Replace(",", "", StringComparison.Ordinal);
        }
        return decimal.TryParse(s, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var v) ? v : null;
    }

    [GeneratedRegex(@"(?<pre>US\$|CA\$|AU\$|C\$|A\$|[$€£¥₹]|\b(?:USD|EUR|GBP|CAD|AUD|CHF|INR|JPY|SEK|NOK|DKK|PLN|SGD|Rs\.?)\b)?\s?(?<num>\d{1,3}(?:[.,\u00a0 ]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d+)?)\s?(?<mult>k|K|mm|MM|m|M|lakhs?|lacs?|LPA)?(?![\w%]|[.,]\d)\s?(?<post>[€£]|\b(?:USD|EUR|GBP|CAD|AUD|CHF|INR)\b)?", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex AmountPattern();

    [GeneratedRegex(@"^\d{1,3}([.,])\d{3}(\1\d{3})*$")]
    private static partial Regex GroupedPattern();

    [GeneratedRegex(@"\b(USD|EUR|GBP|CAD|AUD|CHF|INR|JPY|SEK|NOK|DKK|PLN|SGD)\b", RegexOptions.IgnoreCase)]
    private static partial Regex CodePattern();

    [GeneratedRegex(@"^[-–—\s]*(to|bis|and)?[-–—\s]*$")]
    private static partial Regex RangeGapPattern();

    [GeneratedRegex(@"\b(up to|max(imum)?|bis zu|no more than)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex UpperOnlyPattern();

    [GeneratedRegex(@"\b(from|starting at|min(imum)?|ab|at least)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex LowerOnlyPattern();

    [GeneratedRegex(@"(/\s*h(ou)?r\b|per hour|an hour|hourly|\bhour\b|stunde)")]
    private static partial Regex HourPattern();

    [GeneratedRegex(@"(/\s*day\b|per day|a day|daily|\bday\b)")]
    private static partial Regex DayPattern();

    [GeneratedRegex(@"(/\s*w(ee)?k\b|per week|a week|weekly|\bweek\b)")]
    private static partial Regex WeekPattern();

    [GeneratedRegex(@"(/\s*mo(nth)?\b|per month|a month|monthly|\bmonth\b|monat)")]
    private static partial Regex MonthPattern();

    [GeneratedRegex(@"(/\s*y(ea)?r\b|per year|per annum|a year|annual|yearly|\byear\b|p\.?\s?a\.?\b|\blpa\b|jahr)")]
    private static partial Regex YearPattern();
}
