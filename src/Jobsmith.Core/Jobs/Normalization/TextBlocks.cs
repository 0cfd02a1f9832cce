using System.Buffers;
using System.Text;

namespace Jobsmith.Core.Jobs.Normalization;

public enum BlockKind { Paragraph, Heading, Bullet }

public sealed record TextBlock(BlockKind Kind, string Text);

/// <summary>Renders text blocks as plain text or escaped Markdown, and reads blocks back from plain text.</summary>
public static class TextBlocks
{
    public const string BulletPrefix = "• ";

    public static string RenderText(IReadOnlyList<TextBlock> blocks)
    {
        var sb = new StringBuilder(blocks.Sum(b => b.Text.Length + 3));
        for (var i = 0; i < blocks.Count; i++)
        {
            var block = blocks[i];
            if (i > 0) sb.Append(block.Kind == BlockKind.Bullet && blocks[i - 1].Kind == BlockKind.Bullet ? "\n" : "\n\n");
            if (block.Kind == BlockKind.Bullet) sb.Append(BulletPrefix);
            sb.Append(block.Text);
        }
        return sb.ToString();
    }

    public static string RenderMarkdown(IReadOnlyList<TextBlock> blocks)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < blocks.Count; i++)
        {
            var block = blocks[i];
            if (i > 0) sb.Append(block.Kind == BlockKind.Bullet && blocks[i - 1].Kind == BlockKind.Bullet ? "\n" : "\n\n");
            sb.Append(block.Kind switch { BlockKind.Bullet => "- ", BlockKind.Heading => "### ", _ => "" });
            EscapeMarkdown(block.Text, sb);
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
            var collapsed = CollapseWhitespace(line.ToString());
            if (collapsed.Length > 0) blocks.Add(new TextBlock(bullet ? BlockKind.Bullet : BlockKind.Paragraph, collapsed));
        }
        return blocks;
    }

    public static PostingDescription FromPlain(string? text)
    {
        return new PostingDescription(FromPlainText(text));
    }

    internal static string CollapseWhitespace(string s)
    {
        if (IsAlreadyCollapsed(s)) return s;
        var sb = new StringBuilder(s.Length);
        var pendingSpace = false;
        foreach (var c in s)
        {
            if (char.IsWhiteSpace(c) || c == '\u200b' || char.IsControl(c))
            {
                pendingSpace = sb.Length > 0;
                continue;
            }
            if (pendingSpace) sb.Append(' ');
            pendingSpace = false;
            sb.Append(c);
        }
        return sb.ToString();
    }

    // Most lines need no work; checking first keeps normalization allocation-free for them.
    private static bool IsAlreadyCollapsed(string s)
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
    private static void EscapeMarkdown(string text, StringBuilder sb)
    {
        var rest = text.AsSpan();
        int at;
        while ((at = rest.IndexOfAny(MarkdownSyntax)) >= 0)
        {
            sb.Append(rest[..at]).Append('\\').Append(rest[at]);
            rest = rest[(at + 1)..];
        }
        sb.Append(rest);
    }
}
