using System.Text;
using Jobsmith.Core.Profiles.Import;
using Jobsmith.Core.Profiles.Model;

namespace Jobsmith.Core.Profiles.Analysis;

/// <summary>Splits resume lines into sections at heading lines; lines before the first heading form the Header.</summary>
internal static class SectionDetector
{
    private const int MaxHeadingLength = 48;

    public static IReadOnlyList<DetectedSection> Detect(ExtractedText text)
    {
        var sections = new List<DetectedSection>();
        var kind = ResumeSectionKind.Header;
        string heading = "";
        var startLine = 0;
        for (var i = 0; i < text.Lines.Count; i++)
        {
            if (HeadingKind(text.Lines[i].Text) is not { } found) continue;
            AddSection(sections, text, kind, heading, startLine, i);
            kind = found;
            heading = text.Lines[i].Text.Trim();
            startLine = i;
        }
        AddSection(sections, text, kind, heading, startLine, text.Lines.Count);
        return sections;
    }

    public static ResumeSectionKind? HeadingKind(string line)
    {
        var trimmed = line.Trim();
        // A heading is no sentence: a final period ("Excellent management skills.") rules it out.
        if (trimmed.Length is 0 or > MaxHeadingLength || trimmed.Any(char.IsDigit) || trimmed.EndsWith('.')) return null;
        var normalized = Normalize(trimmed);
        return SectionVocabulary.Classify(normalized) ?? SpacedOut(normalized);
    }

    // Designed resumes letter-space their headings ("E D U C AT IO N"); mostly one- and two-letter pieces give it away.
    private static ResumeSectionKind? SpacedOut(string normalized)
    {
        var pieces = normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (pieces.Length < 4 || pieces.Count(p => p.Length <= 2) * 4 < pieces.Length * 3) return null;
        return SectionVocabulary.ClassifyJoined(string.Concat(pieces));
    }

    private static string Normalize(string heading)
    {
        var builder = new StringBuilder(heading.Length);
        foreach (var c in heading.ToLowerInvariant())
            builder.Append(char.IsLetter(c) ? c : ' ');
        return SectionVocabulary.DropFillers(builder.ToString());
    }

    private static void AddSection(List<DetectedSection> sections, ExtractedText text, ResumeSectionKind kind, string heading, int from, int to)
    {
        if (to <= from) return;
        var bodyFrom = kind == ResumeSectionKind.Header ? from : from + 1;
        var lines = text.Lines.Skip(bodyFrom).Take(to - bodyFrom).ToList();
        var first = text.Lines[from];
        var last = text.Lines[to - 1];
        sections.Add(new DetectedSection(new ResumeSection(kind, heading,
            new SourceSpan(first.Number, last.Number, first.Start, last.End)), lines));
    }
}

internal sealed record DetectedSection(ResumeSection Section, IReadOnlyList<TextLine> Lines)
{
    public ResumeSectionKind Kind => Section.Kind;
}
