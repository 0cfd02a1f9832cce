using System.Text;
using Jobsmith.Core.Profiles.Import;
using Jobsmith.Core.Profiles.Model;

namespace Jobsmith.Core.Profiles.JsonResume;

/// <summary>
/// Renders structured resume data as readable text one value per line, returning where each value
/// landed, so facts imported from JSON carry provenance into the text like facts parsed from a PDF.
/// </summary>
internal sealed class ProvenanceTextBuilder
{
    private readonly StringBuilder text = new();
    private int line = 1;

    public SourcedText? Add(string? value, string prefix = "")
    {
        if (value is null) return null;
        var flat = value.Replace('\n', ' ').Replace('\r', ' ');
        text.Append(prefix);
        var start = text.Length;
        text.Append(flat).Append('\n');
        return new SourcedText(value, new SourceSpan(line, line++, start, start + flat.Length));
    }

    public ResumeSection Heading(ResumeSectionKind kind, string heading)
    {
        if (text.Length > 0) { text.Append('\n'); line++; }
        var span = Add(heading)!.Source;
        return new ResumeSection(kind, heading, span);
    }

    public SourceSpan Since(SourceSpan start) => new(start.FirstLine, Math.Max(start.FirstLine, line - 1), start.Start, Math.Max(start.Start, text.Length - 1));

    public SourceSpan Here => new(line, line, text.Length, text.Length);

    public ExtractedText Build() => new(ResumeFileKind.JsonResume, text.ToString().TrimEnd('\n'));
}
