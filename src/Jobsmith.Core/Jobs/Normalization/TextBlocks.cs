using System.Buffers;
using System.Text;

namespace Jobsmith.Core.Jobs.Normalization;

public enum BlockKind { Paragraph, Heading, Bullet }

public sealed record TextBlock(BlockKind Kind, string Text);

/// <summary>A block as a kind and a range of a posting's rendered text.</summary>
internal readonly record struct BlockSpan(BlockKind Kind, int Start, int Length);

/// <summary>Renders text blocks as plain text or escaped Markdown, and reads blocks back from plain text.</summary>
public static class TextBlocks
{
    public const string BulletPrefix = "• ";

    // Sized exactly up front: the description text is the largest string of a posting, and a growing
    // StringBuilder allocated it about twice over.
    public static string RenderText(IReadOnlyList<TextBlock> blocks)
    {
        var length = 0;
        for (var i = 0; i < blocks.Count; i++)
            length += Separator(blocks, i).Length + (blocks[i].Kind == BlockKind.Bullet ? BulletPrefix.Length : 0) + blocks[i].Text.Length;
        return string.Create(length, blocks, static (span, blocks) =>
        {
            for (var i = 0; i < blocks.Count; i++)
            {
                Append(ref span, Separator(blocks, i));
                if (blocks[i].Kind == BlockKind.Bullet) Append(ref span, BulletPrefix);
                Append(ref span, blocks[i].Text);
            }
        });
    }

    private static string Separator(IReadOnlyList<TextBlock> blocks, int i) =>
        i == 0 ? string.Empty : blocks[i].Kind == BlockKind.Bullet && blocks[i - 1].Kind == BlockKind.Bullet ? "\n" : "\n\n";

    private static void Append(ref Span<char> destination, string text)
    {
        text.CopyTo(destination);
        destination = destination[text.Length..];
    }

    public static string RenderMarkdown(IReadOnlyList<TextBlock> blocks) => RenderMarkdown(RenderText(blocks), Layout(blocks));

    /// <summary>
    /// Where each block's text sits in <see cref="RenderText"/>'s output. A posting keeps this instead of its
    /// blocks, so the block strings (as large as the text itself) die young instead of living with the posting.
    /// </summary>
    internal static BlockSpan[] Layout(IReadOnlyList<TextBlock> blocks)
    {
        var layout = new BlockSpan[blocks.Count];
        var position = 0;
        for (var i = 0; i < blocks.Count; i++)
        {
            position += Separator(blocks, i).Length + (blocks[i].Kind == BlockKind.Bullet ? BulletPrefix.Length : 0);
            layout[i] = new BlockSpan(blocks[i].Kind, position, blocks[i].Text.Length);
            position += blocks[i].Text.Length;
        }
        return layout;
    }

    internal static string RenderMarkdown(string text, ReadOnlySpan<BlockSpan> layout)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < layout.Length; i++)
        {
            var block = layout[i];
            if (i > 0) sb.Append(block.Kind == BlockKind.Bullet && layout[i - 1].Kind == BlockKind.Bullet ? "\n" : "\n\n");
            sb.Append(block.Kind switch { BlockKind.Bullet => "- ", BlockKind.Heading => "### ", _ => "" });
            EscapeMarkdown(text.AsSpan(block.Start, block.Length), sb);
        }
        return sb.ToString();
    }

    /// <summary>Plain text from a source (e.g. Ashby's descriptionPlain): lines starting with a bullet become items.</summary>
    public static IReadOnlyList<TextBlock> FromPlainText(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        var blocks = new List<TextBlock>();
        foreach (var rawLine in text.AsSpan().EnumerateLines())
        {
            var line = rawLine.Trim();
            if (line.IsEmpty) continue;
            var bullet = line.Length > 1 && line[0] is '•' or '-' or '*' or '·' or '–' && line[1] == ' ';
            if (bullet) line = line[2..].TrimStart();
            var collapsed = CollapseWhitespace(line);
            if (collapsed.Length > 0) blocks.Add(new TextBlock(bullet ? BlockKind.Bullet : BlockKind.Paragraph, collapsed));
        }
        return blocks;
    }

    public static PostingDescription FromPlain(string? text)
    {
        var (rendered, layout) = RenderPlainText(text);
        return new PostingDescription(rendered, layout);
    }

    /// <summary>
    /// What <see cref="FromPlainText"/> then <see cref="RenderText"/> and <see cref="Layout"/> give, in one pass:
    /// lines are collapsed straight into the text, so no string or block object is made per line.
    /// </summary>
    internal static (string Text, BlockSpan[] Layout) RenderPlainText(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return (string.Empty, []);
        // A line adds at most a two-character separator, so three times the input always fits.
        var buffer = ArrayPool<char>.Shared.Rent(3 * text.Length + 4);
        var layout = new List<BlockSpan>();
        var length = 0;
        foreach (var rawLine in text.AsSpan().EnumerateLines())
        {
            var line = rawLine.Trim();
            if (line.IsEmpty) continue;
            var bullet = line.Length > 1 && line[0] is '•' or '-' or '*' or '·' or '–' && line[1] == ' ';
            if (bullet) line = line[2..].TrimStart();
            var kind = bullet ? BlockKind.Bullet : BlockKind.Paragraph;
            var separator = layout.Count == 0 ? string.Empty : bullet && layout[^1].Kind == BlockKind.Bullet ? "\n" : "\n\n";
            var prefix = bullet ? BulletPrefix : string.Empty;
            var start = length + separator.Length + prefix.Length;
            // As CollapseWhitespace: a line that passes IsAlreadyCollapsed is kept exactly as it is.
            var written = line.Length;
            if (IsAlreadyCollapsed(line)) line.CopyTo(buffer.AsSpan(start));
            else written = CollapseInto(line, buffer.AsSpan(start));
            if (written == 0) continue;
            separator.CopyTo(buffer.AsSpan(length));
            prefix.CopyTo(buffer.AsSpan(length + separator.Length));
            layout.Add(new BlockSpan(kind, start, written));
            length = start + written;
        }
        var result = new string(buffer, 0, length);
        ArrayPool<char>.Shared.Return(buffer);
        return (result, layout.ToArray());
    }

    internal static string CollapseWhitespace(string s) => IsAlreadyCollapsed(s) ? s : Collapse(s);

    // Span input (a line of a larger text) allocates only the final string.
    internal static string CollapseWhitespace(ReadOnlySpan<char> s) => IsAlreadyCollapsed(s) ? s.ToString() : Collapse(s);

    private static string Collapse(ReadOnlySpan<char> s)
    {
        var rented = ArrayPool<char>.Shared.Rent(s.Length);
        var result = new string(rented, 0, CollapseInto(s, rented));
        ArrayPool<char>.Shared.Return(rented);
        return result;
    }

    // Whitespace runs become one space, invisible and control characters go; returns the characters written.
    private static int CollapseInto(ReadOnlySpan<char> s, Span<char> destination)
    {
        var length = 0;
        var pendingSpace = false;
        foreach (var c in s)
        {
            if (char.IsWhiteSpace(c) || c == '\u200b' || char.IsControl(c))
            {
                pendingSpace = length > 0;
                continue;
            }
            if (pendingSpace) destination[length++] = ' ';
            pendingSpace = false;
            destination[length++] = c;
        }
        return length;
    }

    // Most lines need no work; checking first keeps normalization allocation-free for them.
    private static bool IsAlreadyCollapsed(ReadOnlySpan<char> s)
    {
        if (s.Length == 0) return true;
        if (s[0] == ' ' || s[^1] == ' ') return false;
        var previousSpace = false;
        foreach (var c in s)
        {
            var space = c == ' ';
            if ((space && previousSpace) || (!space && (c < ' ' || c == '\u200b' || (c > 127 && (char.IsWhiteSpace(c) || char.IsControl(c)))))) return false;
            previousSpace = space;
        }
        return true;
    }

    private static readonly SearchValues<char> MarkdownSyntax = SearchValues.Create("\\`*_{}[]()#+-.!|<>&~");

    // Every character Markdown could read as syntax (including '<' for inline HTML) is backslash-escaped.
    private static void EscapeMarkdown(ReadOnlySpan<char> text, StringBuilder sb)
    {
        var rest = text;
        int at;
        while ((at = rest.IndexOfAny(MarkdownSyntax)) >= 0)
        {
            sb.Append(rest[..at]).Append('\\').Append(rest[at]);
            rest = rest[(at + 1)..];
        }
        sb.Append(rest);
    }
}
