using Jobsmith.Core.Profiles.Import;
using Jobsmith.Core.Profiles.Model;
using Jobsmith.Core.Skills;

namespace Jobsmith.Core.Profiles.Analysis;

/// <summary>
/// Titles, employers and places on short lines anywhere outside education and skills sections. A title
/// must also be one the title catalogue recognises, so a phrase that merely ends in "lead" or "member"
/// is not taken for a role.
/// </summary>
internal static class MentionFinder
{
    private const int MaxTitleWords = 7;
    private const int MaxEmployerWords = 6;

    public static ResumeMentions Find(IReadOnlyList<DetectedSection> sections, ParsedResume resume)
    {
        var known = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var e in resume.Experience)
            foreach (var fact in new[] { e.Title, e.Company, e.Location }.OfType<SourcedText>()) known.Add(fact.Value);
        if (resume.Headline is { } headline) known.Add(headline.Value);
        if (resume.Contact.Location is { } home) known.Add(home.Value);

        List<SourcedText> titles = [], employers = [], places = [];
        foreach (var section in sections.Where(s => s.Kind is not (ResumeSectionKind.Education or ResumeSectionKind.Skills)))
        {
            // Outside job sections an organisation is as likely a school, client or publisher as an employer.
            var jobSection = section.Kind is ResumeSectionKind.Experience or ResumeSectionKind.Header;
            foreach (var line in section.Lines)
            {
                foreach (var title in ProseTitleFinder.Find(line, IsTitle))
                    if (known.Add(title.Value)) titles.Add(title);
                var dates = DateRangeParser.FindRange(line.Text);
                // Long lines qualify only when dated: an undated long line is a sentence, not an entry heading.
                if (!LineRules.IsHeaderLike(line.Text, allowLong: false) && !(dates is not null && LineRules.IsHeaderLike(line.Text, allowLong: true)))
                    continue;
                foreach (var piece in EntryHeaderClassifier.Pieces(line, dates))
                {
                    if (!known.Add(piece.Text.Value)) continue;
                    switch (piece.Role)
                    {
                        case HeaderRole.Title when IsTitle(piece.Text.Value): titles.Add(piece.Text); break;
                        case HeaderRole.Company when jobSection && LineText.WordCount(piece.Text.Value) <= MaxEmployerWords: employers.Add(piece.Text); break;
                        case HeaderRole.Location: places.Add(piece.Text); break;
                    }
                }
            }
        }
        foreach (var place in PlaceFinder.Find(sections))
            if (known.Add(place.Value)) places.Add(place);
        // "Java Developer/Senior Systems Engineer" names two roles; each is a title of its own.
        var combined = resume.Experience.Select(e => e.Title).Append(resume.Headline).OfType<SourcedText>().Concat(titles).ToList();
        foreach (var title in combined)
            foreach (var part in SlashParts(title).Where(p => IsTitle(p.Value) && known.Add(p.Value)))
                titles.Add(part);
        return new ResumeMentions(titles, employers, places);
    }

    private static IEnumerable<SourcedText> SlashParts(SourcedText title)
    {
        var parts = title.Value.Split('/');
        if (parts.Length < 2) yield break;
        var offset = 0;
        foreach (var part in parts)
        {
            var lead = part.Length - part.TrimStart().Length;
            var value = part.Trim();
            if (value.Length > 0)
                yield return new SourcedText(value, title.Source with
                {
                    Start = title.Source.Start + offset + lead, End = title.Source.Start + offset + lead + value.Length,
                });
            offset += part.Length + 1;
        }
    }

    private static bool IsTitle(string text) =>
        LineText.WordCount(text) <= MaxTitleWords && TitleNormalizer.Normalize(text).Confidence >= TitleNormalizer.MinimumConfidence;
}
