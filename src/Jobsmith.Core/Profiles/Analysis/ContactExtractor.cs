using Jobsmith.Core.Profiles.Import;
using Jobsmith.Core.Profiles.Model;

namespace Jobsmith.Core.Profiles.Analysis;

/// <summary>Name, email, phone, location and links, preferring the resume's header lines.</summary>
internal static class ContactExtractor
{
    private const int HeaderScanLines = 12;

    public static ContactInfo Extract(ExtractedText text, IReadOnlyList<DetectedSection> sections)
    {
        var header = HeaderLines(text, sections);
        return new ContactInfo(
            FindName(header),
            FirstMatch(text.Lines, ContactPatterns.Email(), requireValidPhone: false),
            FirstMatch(header.Count > 0 ? header : text.Lines, ContactPatterns.Phone(), requireValidPhone: true)
                ?? FirstMatch(text.Lines, ContactPatterns.Phone(), requireValidPhone: true),
            FindLocation(header),
            FindLinks(text.Lines));
    }

    private static List<TextLine> HeaderLines(ExtractedText text, IReadOnlyList<DetectedSection> sections)
    {
        var header = sections.FirstOrDefault(s => s.Kind == ResumeSectionKind.Header)?.Lines ?? [];
        var lines = header.Count > 0 ? header : text.Lines;
        return lines.Where(l => !LineText.IsBlank(l)).Take(HeaderScanLines).ToList();
    }

    private static SourcedText? FindName(List<TextLine> header)
    {
        foreach (var line in header)
        {
            var labelled = ContactPatterns.LabelledName().Match(line.Text);
            if (labelled.Success) return LineText.Take(line, labelled.Groups["name"].Index, labelled.Groups["name"].Length);
            // The name is usually alone on a line, but "Jane Doe | jane@x.com" shares it with contact details.
            var segment = line.Text.Split('|', '•', '·', '\t')[0];
            if (NameRules.LooksLikeName(segment)) return LineText.Take(line, 0, segment.Length);
        }
        return null;
    }

    private static SourcedText? FirstMatch(IEnumerable<TextLine> lines, System.Text.RegularExpressions.Regex pattern, bool requireValidPhone)
    {
        foreach (var line in lines)
            foreach (System.Text.RegularExpressions.Match match in pattern.Matches(line.Text))
            {
                if (requireValidPhone && !IsPhone(match.Value)) continue;
                return LineText.Take(line, match.Index, match.Length);
            }
        return null;
    }

    private static bool IsPhone(string candidate)
    {
        var digits = candidate.Count(char.IsDigit);
        if (digits is < 8 or > 15) return false;
        // "2014 - 2016" or "2010 2012" are years, not phone numbers.
        return DateRangeParser.FindRange(candidate) is null;
    }

    private static SourcedText? FindLocation(List<TextLine> header)
    {
        foreach (var line in header)
        {
            foreach (var pattern in new[] { ContactPatterns.LocationBeforeEmailLink(), ContactPatterns.LabelledLocation() })
            {
                var match = pattern.Match(line.Text);
                if (match.Success) return LineText.Take(line, match.Groups["loc"].Index, match.Groups["loc"].Length);
            }
        }
        foreach (var line in header)
        {
            if (ContactPatterns.Email().IsMatch(line.Text) && LineText.WordCount(line.Text) < 3) continue;
            // Prefer the place that ends a segment: "12 Elm St, Springfield, IL 62701" → "Springfield, IL".
            var match = ContactPatterns.CityRegionAtEnd().Match(line.Text);
            if (!match.Success) match = ContactPatterns.CityRegion().Match(line.Text);
            if (match.Success && !ContactPatterns.StreetWord().IsMatch(match.Groups["loc"].Value))
                return LineText.Take(line, match.Groups["loc"].Index, match.Groups["loc"].Length);
        }
        return null;
    }

    private static List<ProfileLink> FindLinks(IReadOnlyList<TextLine> lines)
    {
        var links = new List<ProfileLink>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines)
            foreach (System.Text.RegularExpressions.Match match in ContactPatterns.Url().Matches(line.Text))
            {
                var url = LineText.Take(line, match.Index, match.Length);
                if (url is not null && seen.Add(url.Value.TrimEnd('/'))) links.Add(new ProfileLink(url));
            }
        return links;
    }
}
