using Jobsmith.Core.Profiles.Model;

namespace Jobsmith.Core.Profiles.Import;

public enum ResumeFileKind { Pdf, Docx, PlainText, Markdown, JsonResume }

/// <summary>One line of extracted text: 1-based number and its character range [Start, End) in the whole text.</summary>
public sealed record TextLine(int Number, int Start, int End, string Text)
{
    public SourceSpan Span => new(Number, Number, Start, End);

    public SourceSpan SpanOf(int offset, int length) => new(Number, Number, Start + offset, Start + offset + length);
}

/// <summary>Resume text with its line structure, as every importer produces it.</summary>
public sealed class ExtractedText
{
    public ExtractedText(ResumeFileKind kind, string text, int? pageCount = null)
    {
        Kind = kind;
        Text = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        PageCount = pageCount;
        Lines = SplitLines(Text);
    }

    public ResumeFileKind Kind { get; }
    public string Text { get; }
    public int? PageCount { get; }
    public IReadOnlyList<TextLine> Lines { get; }

    private static List<TextLine> SplitLines(string text)
    {
        var lines = new List<TextLine>();
        var start = 0;
        while (start <= text.Length)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0) end = text.Length;
            lines.Add(new TextLine(lines.Count + 1, start, end, text[start..end]));
            start = end + 1;
        }
        return lines;
    }
}
