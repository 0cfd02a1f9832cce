using System.Text.RegularExpressions;
using Jobsmith.Core.Profiles.Import;
using Jobsmith.Core.Profiles.Model;

namespace Jobsmith.Core.Profiles.Analysis;

/// <summary>
/// Known place names anywhere in the text ("Bangalore", "worked in India"), taken with a following
/// region when one is written ("Chennai, Tamil Nadu", "Towson, MD"). Skills sections are skipped:
/// there a capitalised word is a tool, not a town.
/// </summary>
internal static class PlaceFinder
{
    private static readonly string Areas = Alternation(PlaceNames.Regions.Concat(PlaceNames.Countries));

    // "Harrisburg, Pennsylvania": before a known region, one to three capitalised words and a comma are its town.
    private static readonly Regex Known = new(
        @"(?-i:(?<town>[A-Z][A-Za-z'-]+(?:\s[A-Z][A-Za-z'-]+){0,2}),\s?(?=(?i:" + Areas + @")(?![\w&-])))?"
        + @"(?<![\w.&-])(?:" + Alternation(PlaceNames.Cities.Concat(PlaceNames.Regions).Concat(PlaceNames.Countries)) + @")(?![\w&-])"
        + @"(?:,\s?(?:" + Areas + @"|(?-i:[A-Z]{2}))(?![\w&-]))?",
        RegexOptions.Compiled | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    // "Oracle India Pvt Ltd", "University of Pennsylvania", "California Policy Seminar": a place inside a longer name is no place.
    private static readonly Regex NameBefore = new(@"(?:\b[A-Z][\w.&]*|\bof)\s+$", RegexOptions.Compiled | RegexOptions.CultureInvariant);
    private static readonly Regex NameAfter = new(@"^\s+(?:[A-Z]|&)", RegexOptions.Compiled | RegexOptions.CultureInvariant);

    public static IEnumerable<SourcedText> Find(IReadOnlyList<DetectedSection> sections)
    {
        foreach (var section in sections.Where(s => s.Kind != ResumeSectionKind.Skills))
            foreach (var line in section.Lines)
                foreach (Match match in Known.Matches(line.Text))
                {
                    // Case is ignored to catch "CHENNAI", but a lowercase start ("georgia" in prose) is no name.
                    if (!char.IsUpper(match.Value[0])) continue;
                    if (!match.Groups["town"].Success && NameBefore.IsMatch(line.Text[..match.Index])) continue;
                    if (NameAfter.IsMatch(line.Text[(match.Index + match.Length)..])) continue;
                    if (LineText.Take(line, match.Index, match.Length) is { } place) yield return place;
                }
    }

    private static string Alternation(IEnumerable<string> names) =>
        string.Join('|', names.Distinct().OrderByDescending(n => n.Length).Select(n => Regex.Escape(n).Replace(@"\ ", @"\s+")));
}
