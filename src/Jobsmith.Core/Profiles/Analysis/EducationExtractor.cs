using Jobsmith.Core.Profiles.Import;
using Jobsmith.Core.Profiles.Model;

namespace Jobsmith.Core.Profiles.Analysis;

/// <summary>
/// Education entries: a degree statement anchors an entry; the institution is on the same line or a
/// neighbouring one, and the period or graduation year is the nearest date. Institutions named without
/// a degree still make an entry.
/// </summary>
internal static class EducationExtractor
{
    private const int Reach = 2;

    public static List<EducationEntry> Extract(DetectedSection section)
    {
        var lines = section.Lines.Where(l => !LineText.IsBlank(l)).ToList();
        var degreeAt = new Dictionary<int, DegreeStatement>();
        for (var i = 0; i < lines.Count; i++)
            if (DegreeParser.Find(lines[i]) is { } degree) degreeAt[i] = degree;

        var used = new HashSet<int>();
        var entries = new List<EducationEntry>();
        foreach (var (index, degree) in degreeAt.OrderBy(d => d.Key))
        {
            var institution = degree.Institution ?? NearbyInstitution(lines, index, degreeAt, used);
            var (dates, period) = NearbyDates(lines, index, degreeAt);
            used.Add(index);
            entries.Add(new EducationEntry(degree.Degree, degree.Field, institution, dates?.Start, dates?.End,
                LineSpan(lines, index, Reach, degreeAt)) { Period = period });
        }
        for (var i = 0; i < lines.Count; i++)
        {
            if (used.Contains(i) || degreeAt.ContainsKey(i) || !InstitutionRules.IsInstitution(lines[i].Text)) continue;
            var (dates, period) = NearbyDates(lines, i, degreeAt);
            entries.Add(new EducationEntry(null, null, InstitutionRules.Take(lines[i]), dates?.Start, dates?.End, lines[i].Span) { Period = period });
        }
        return entries;
    }

    private static SourcedText? NearbyInstitution(List<TextLine> lines, int index, Dictionary<int, DegreeStatement> degrees, HashSet<int> used)
    {
        foreach (var offset in new[] { 1, -1, 2, -2 })
        {
            var i = index + offset;
            if (i < 0 || i >= lines.Count || degrees.ContainsKey(i) || used.Contains(i)) continue;
            if (!InstitutionRules.IsInstitution(lines[i].Text)) continue;
            used.Add(i);
            return InstitutionRules.Take(lines[i]);
        }
        return null;
    }

    private static (DateRange? Dates, SourcedText? Period) NearbyDates(List<TextLine> lines, int index, Dictionary<int, DegreeStatement> degrees)
    {
        foreach (var offset in new[] { 0, 1, 2, -1 })
        {
            var i = index + offset;
            if (i < 0 || i >= lines.Count || offset != 0 && degrees.ContainsKey(i)) continue;
            var dates = DateRangeParser.FindRange(lines[i].Text) ?? DateRangeParser.FindSingle(lines[i].Text);
            if (dates is not null) return (dates, LineText.Take(lines[i], dates.Index, dates.Length));
        }
        return (null, null);
    }

    private static SourceSpan LineSpan(List<TextLine> lines, int index, int reach, Dictionary<int, DegreeStatement> degrees)
    {
        var last = index;
        while (last + 1 < lines.Count && last + 1 <= index + reach && !degrees.ContainsKey(last + 1)) last++;
        return new SourceSpan(lines[index].Number, lines[last].Number, lines[index].Start, lines[last].End);
    }
}
