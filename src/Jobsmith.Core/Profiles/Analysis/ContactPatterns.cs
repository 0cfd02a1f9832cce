using System.Text.RegularExpressions;

namespace Jobsmith.Core.Profiles.Analysis;

internal static partial class ContactPatterns
{
    [GeneratedRegex(@"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,24}")]
    public static partial Regex Email();

    // 8 to 15 digits with the usual separators; checked afterwards so date ranges never count as phones.
    [GeneratedRegex(@"(?<![\w/])(?:\+\d{1,3}[\s.\-]?)?(?:\(\d{2,5}\)[\s.\-]?)?\d[\d\s.\-]{5,16}\d(?![\w/])")]
    public static partial Regex Phone();

    [GeneratedRegex(@"(?i)\b(?:https?://|www\.)[^\s<>""()|,]+|\b(?:linkedin\.com|github\.com|gitlab\.com|behance\.net|twitter\.com|x\.com)/[^\s<>""()|,]+")]
    public static partial Regex Url();

    // "San Mateo, CA", "Mumbai, Maharashtra", "Sometown, GA 30082": place names then a region or country.
    [GeneratedRegex(@"\b(?<loc>[A-Z][A-Za-z.'\-]+(?:\s[A-Z][A-Za-z.'\-]+){0,2},\s?(?:[A-Z]{2}\b|[A-Z][a-z]+(?:\s[A-Z][a-z]+)?))(?:\s+\d{5,6}(?:-\d{4})?)?")]
    public static partial Regex CityRegion();

    [GeneratedRegex(@"\b(?<loc>[A-Z][A-Za-z.'\-]+(?:\s[A-Z][A-Za-z.'\-]+){0,2},\s?(?:[A-Z]{2}\b|[A-Z][a-z]+(?:\s[A-Z][a-z]+)?))(?:\s+\d{5,6}(?:-\d{4})?)?\s*(?=$|\||•|·|▪|\t)")]
    public static partial Regex CityRegionAtEnd();

    [GeneratedRegex(@"(?i)\b(?:st|street|ave|avenue|road|rd|blvd|boulevard|lane|ln|drive|dr|circle|way|court|ct|apt|suite|floor|enclave|nagar|sector)\b\.?,")]
    public static partial Regex StreetWord();

    // Indeed exports write "City, State - Email me on Indeed".
    [GeneratedRegex(@"^(?<loc>[^-|]{2,60}?)\s+-\s+Email me on")]
    public static partial Regex LocationBeforeEmailLink();

    [GeneratedRegex(@"(?i)^\s*(?:address|location|city|based in|residence)\s*[:\-]\s*(?<loc>.{2,80})$")]
    public static partial Regex LabelledLocation();

    [GeneratedRegex(@"(?i)^\s*name\s*[:\-]\s*(?<name>.{2,60})$")]
    public static partial Regex LabelledName();
}
