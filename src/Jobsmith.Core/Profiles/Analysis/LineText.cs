using Jobsmith.Core.Profiles.Import;
using Jobsmith.Core.Profiles.Model;

namespace Jobsmith.Core.Profiles.Analysis;

/// <summary>Cuts facts out of lines while keeping exact character provenance.</summary>
internal static class LineText
{
    private const string BulletMarks = "•●▪■◦‣∙·○◆❖➢➤►✓✔-*–—o";
    private const string EdgeJunk = " \t|,;:-–—•·()[]\"'";

    /// <summary>The trimmed piece [offset, offset+length) of a line, or null when nothing is left.</summary>
    public static SourcedText? Take(TextLine line, int offset, int length)
    {
        var start = offset;
        var end = Math.Min(line.Text.Length, offset + length);
        while (start < end && EdgeJunk.Contains(line.Text[start], StringComparison.Ordinal)) start++;
        while (end > start && (EdgeJunk.Contains(line.Text[end - 1], StringComparison.Ordinal)
                               || line.Text[end - 1] == '.' && !EndsWithAbbreviation(line.Text, start, end))) end--;
        if (end <= start) return null;
        if (end < line.Text.Length && line.Text[end] == ')' && line.Text[start..end].Contains('(', StringComparison.Ordinal)) end++;
        return new SourcedText(line.Text[start..end], line.SpanOf(start, end - start));
    }

    public static SourcedText? Whole(TextLine line) => Take(line, 0, line.Text.Length);

    /// <summary>Offset of the text after a bullet marker, or -1 when the line is no bullet.</summary>
    public static int BulletContentStart(string text)
    {
        var i = 0;
        while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
        if (i >= text.Length || !IsBulletMark(text[i])) return -1;
        // "o" and "!" are bullets only when a space follows; "-" must not be a negative number or a dash inside text.
        if (i + 1 < text.Length && !char.IsWhiteSpace(text[i + 1]) && text[i] is 'o' or '-' or '*' or '!') return -1;
        if (text[i] == 'o' && i + 1 >= text.Length) return -1;
        i++;
        while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
        return i;
    }

    // Symbol fonts (Wingdings, icon fonts) draw bullets that PDF text extraction gives as "!" or a private-use character.
    private static bool IsBulletMark(char c) =>
        BulletMarks.Contains(c, StringComparison.Ordinal) || c == '!' || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.PrivateUse;

    /// <summary>Whether a piece of text says anything: a lone "!" or icon glyph left over from the layout is no fact.</summary>
    public static bool HasContent(string text) => text.Count(char.IsLetterOrDigit) >= 2;

    public static bool IsBlank(TextLine line) => string.IsNullOrWhiteSpace(line.Text);

    public static int WordCount(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    // "Ltd." "Inc." "B.E." keep their final period.
    private static bool EndsWithAbbreviation(string text, int start, int end)
    {
        var wordStart = text.LastIndexOf(' ', end - 1, end - start) + 1;
        var word = text[Math.Max(wordStart, start)..end];
        return word.Length <= 5 && (word.Count(c => c == '.') > 1 || word is "Ltd." or "Inc." or "Co." or "Corp." or "Jr." or "Sr.");
    }
}
