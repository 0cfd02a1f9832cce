using Jobsmith.Core.Profiles.Import;
using Jobsmith.Core.Profiles.Model;

namespace Jobsmith.Core.Profiles.Analysis;

/// <summary>
/// Job entries in experience sections. Each date range on a short line anchors an entry; its title,
/// employer and place come from the short lines just before the date (or just after it when the
/// resume puts the date first), and the lines that follow are its bullets.
/// </summary>
internal static class ExperienceExtractor
{
    private const int MaxHeaderLines = 3;

    public static List<ExperienceEntry> Extract(DetectedSection section)
    {
        var lines = section.Lines.Where(l => !LineText.IsBlank(l)).ToList();
        var anchors = new List<(int Index, DateRange Dates)>();
        for (var i = 0; i < lines.Count; i++)
            if (LineRules.IsHeaderLike(lines[i].Text, allowLong: true) && DateRangeParser.FindRange(lines[i].Text) is { } dates)
                anchors.Add((i, dates));
        if (anchors.Count == 0) return FallbackEntry(lines);

        var headers = HeaderLines(lines, anchors);
        var entries = new List<ExperienceEntry>();
        for (var k = 0; k < anchors.Count; k++)
        {
            var first = headers[k].Count > 0 ? Math.Min(headers[k][0], anchors[k].Index) : anchors[k].Index;
            var next = k + 1 < anchors.Count ? FirstLineOf(headers[k + 1], anchors[k + 1].Index) : lines.Count;
            var used = new HashSet<int>(headers[k]) { anchors[k].Index };
            var bodyLines = Enumerable.Range(first, Math.Max(0, next - first)).Where(i => !used.Contains(i)).Select(i => lines[i]);
            var headerLines = headers[k].Append(anchors[k].Index).Order().Select(i => lines[i]);
            entries.Add(Build(headerLines, anchors[k].Dates, lines[anchors[k].Index], BulletCollector.Collect(bodyLines),
                lines[first], lines[Math.Max(first, next - 1)]));
        }
        return entries;
    }

    private static int FirstLineOf(List<int> header, int anchor) => header.Count > 0 ? Math.Min(header[0], anchor) : anchor;

    // A resume keeps one layout: if the first date has header lines right before it, every entry is
    // "title/company, then date"; otherwise the date comes first and the header lines follow it.
    private static List<List<int>> HeaderLines(List<TextLine> lines, List<(int Index, DateRange Dates)> anchors)
    {
        var headerFirst = anchors[0].Index > 0 && LineRules.IsHeaderLike(lines[anchors[0].Index - 1].Text, false);
        var result = new List<List<int>>();
        for (var k = 0; k < anchors.Count; k++)
        {
            var anchor = anchors[k].Index;
            var header = new List<int>();
            if (headerFirst)
            {
                var floor = k > 0 ? anchors[k - 1].Index : -1;
                for (var i = anchor - 1; i > floor && header.Count < MaxHeaderLines && LineRules.IsHeaderLike(lines[i].Text, false); i--)
                    header.Insert(0, i);
            }
            else
            {
                var ceiling = k + 1 < anchors.Count ? anchors[k + 1].Index : lines.Count;
                for (var i = anchor + 1; i < ceiling && header.Count < MaxHeaderLines - 1 && LineRules.IsHeaderLike(lines[i].Text, false); i++)
                    header.Add(i);
            }
            result.Add(header);
        }
        return result;
    }

    private static List<ExperienceEntry> FallbackEntry(List<TextLine> lines)
    {
        var header = lines.TakeWhile(l => LineRules.IsHeaderLike(l.Text, false)).Take(2).ToList();
        if (header.Count == 0) return [];
        var body = BulletCollector.Collect(lines.Skip(header.Count));
        return [Build(header, null, null, body, lines[0], lines[^1])];
    }

    private static bool IsStandaloneTitle(SourcedText line) =>
        line.Source.FirstLine == line.Source.LastLine && LineText.WordCount(line.Value) <= 8
        && LineRules.IsHeaderLike(line.Value, false) && TitleVocabulary.EndsLikeTitle(line.Value);

    private static ExperienceEntry Build(IEnumerable<TextLine> headerLines, DateRange? dates, TextLine? dateLine,
        List<SourcedText> bullets, TextLine first, TextLine last)
    {
        SourcedText? title = null, company = null, location = null;
        var unknown = new List<SourcedText>();
        foreach (var line in headerLines)
            foreach (var piece in EntryHeaderClassifier.Pieces(line, line == dateLine ? dates : null))
            {
                switch (piece.Role)
                {
                    case HeaderRole.Title when title is null: title = piece.Text; break;
                    case HeaderRole.Company when company is null: company = piece.Text; break;
                    case HeaderRole.Location when location is null: location = piece.Text; break;
                    case HeaderRole.Unknown: unknown.Add(piece.Text); break;
                }
            }
        // Unlabelled pieces fill the title first, then the employer: the most common order in resumes.
        foreach (var piece in unknown)
        {
            if (title is null) title = piece;
            else if (company is null) company = piece;
        }
        // Many resumes put the title under the employer and a one-line company blurb: look a few lines down.
        if (title is null && bullets.Take(3).FirstOrDefault(IsStandaloneTitle) is { } titleLine)
        {
            title = titleLine;
            bullets.Remove(titleLine);
        }
        var period = dates is not null && dateLine is not null ? LineText.Take(dateLine, dates.Index, dates.Length) : null;
        return new ExperienceEntry(title, company, location, dates?.Start, dates?.End, dates?.IsCurrent ?? false, bullets,
            new SourceSpan(first.Number, last.Number, first.Start, last.End)) { Period = period };
    }
}
