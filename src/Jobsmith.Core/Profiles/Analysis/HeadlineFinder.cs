using Jobsmith.Core.Profiles.Import;
using Jobsmith.Core.Profiles.Model;

namespace Jobsmith.Core.Profiles.Analysis;

internal static partial class HeadlineFinder
{
    private const int MinSummaryWords = 12;

    /// <summary>The professional title under the name ("Senior Java Developer"), if the header has one.</summary>
    public static SourcedText? Find(IReadOnlyList<DetectedSection> sections, ContactInfo contact)
    {
        var header = sections.FirstOrDefault(s => s.Kind == ResumeSectionKind.Header);
        if (header is null) return null;
        foreach (var line in header.Lines.Where(l => !LineText.IsBlank(l)).Take(6))
        {
            if (contact.Name is { } name && name.Source.FirstLine == line.Number) continue;
            if (LineText.WordCount(line.Text) > 10 || line.Text.Contains('@', StringComparison.Ordinal)) continue;
            var title = EntryHeaderClassifier.Pieces(line, null).FirstOrDefault(p => p.Role == HeaderRole.Title);
            if (title is not null) return WithoutDocumentWords(title.Text);
        }
        return null;
    }

    // Templates title the page "Music Producer Resume Template"; the role is the part before those words.
    private static SourcedText WithoutDocumentWords(SourcedText title)
    {
        var match = DocumentWords().Match(title.Value);
        if (!match.Success || match.Index == 0) return title;
        var value = title.Value[..match.Index].TrimEnd();
        return new SourcedText(value, title.Source with { End = title.Source.Start + value.Length });
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"(?i)\s+(?:\(?cv\)?|resume|résumé|curriculum\s+vitae|template)\b.*$")]
    private static partial System.Text.RegularExpressions.Regex DocumentWords();

    /// <summary>The summary/objective section text; otherwise a paragraph in the header.</summary>
    public static SourcedText? Summary(IReadOnlyList<DetectedSection> sections)
    {
        var section = sections.FirstOrDefault(s => s.Kind == ResumeSectionKind.Summary && s.Lines.Any(l => !LineText.IsBlank(l)));
        var lines = section?.Lines.Where(l => !LineText.IsBlank(l)).ToList()
            ?? sections.FirstOrDefault(s => s.Kind == ResumeSectionKind.Header)?.Lines
                .Where(l => LineText.WordCount(l.Text) >= MinSummaryWords).ToList();
        if (lines is null || lines.Count == 0) return null;
        var first = lines[0];
        var last = lines[^1];
        var value = string.Join(' ', lines.Select(l => l.Text.Trim()));
        return new SourcedText(value, new SourceSpan(first.Number, last.Number, first.Start, last.End));
    }
}
