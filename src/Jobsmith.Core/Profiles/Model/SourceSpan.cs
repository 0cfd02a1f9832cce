namespace Jobsmith.Core.Profiles.Model;

/// <summary>
/// Where a fact came from in the extracted resume text: 1-based inclusive line range and the
/// 0-based half-open character range [Start, End) into <see cref="Import.ExtractedText.Text"/>.
/// </summary>
public sealed record SourceSpan(int FirstLine, int LastLine, int Start, int End)
{
    public static SourceSpan Cover(SourceSpan first, SourceSpan last) =>
        new(Math.Min(first.FirstLine, last.FirstLine), Math.Max(first.LastLine, last.LastLine),
            Math.Min(first.Start, last.Start), Math.Max(first.End, last.End));
}

/// <summary>A piece of text taken from the resume together with its provenance.</summary>
public sealed record SourcedText(string Value, SourceSpan Source)
{
    public override string ToString() => Value;
}
