namespace Jobsmith.Rendering.Layout;

public enum BlockKind
{
    /// <summary>The candidate's name at the top of a resume.</summary>
    Name,

    /// <summary>Contact details; <see cref="Block.Pieces"/> holds each one.</summary>
    Contact,

    Paragraph,

    /// <summary>A job or school line; <see cref="Block.Pieces"/> holds role, place and period.</summary>
    Entry,

    Bullet,

    /// <summary>Sign-off lines of a letter, printed without a gap between them.</summary>
    Signature,

    /// <summary>A form question with its answer in <see cref="Block.Answer"/> (empty: the candidate must answer).</summary>
    Question,
}

/// <summary>One printable block. Text is untrusted document text: every writer encodes it, none interprets it.</summary>
public sealed record Block(BlockKind Kind, string Text, IReadOnlyList<string> Pieces, string? Label = null, string? Answer = null)
{
    public static Block Of(BlockKind kind, string text) => new(kind, text, [text]);
}

/// <summary>A titled run of blocks; a null heading prints none (the resume header, a letter's body).</summary>
public sealed record Section(string? Heading, IReadOnlyList<Block> Blocks);

/// <summary>
/// A document as every output format sees it: sections of typed blocks, so the HTML templates and the Word writer
/// agree on structure (standard headings, entries, bullets) while each picks its own look.
/// </summary>
public sealed record PrintedDocument(string Kind, string Title, IReadOnlyList<Section> Sections);
