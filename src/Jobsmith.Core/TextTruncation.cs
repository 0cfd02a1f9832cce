using System.Diagnostics.CodeAnalysis;

namespace Jobsmith.Core;

/// <summary>Cutting text to a column or display width, in one place.</summary>
public static class TextTruncation
{
    private const char Ellipsis = '…';

    /// <summary>
    /// <paramref name="text"/> when it fits, else its first characters, at most <paramref name="maxLength"/> in all
    /// (the "…" included when <paramref name="ellipsis"/>). A cut never splits a surrogate pair: half an emoji is not
    /// valid text and a database rejects it.
    /// </summary>
    [return: NotNullIfNotNull(nameof(text))]
    public static string? Truncate(this string? text, int maxLength, bool ellipsis = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, ellipsis ? 1 : 0);
        if (text is null || text.Length <= maxLength) return text;
        var keep = ellipsis ? maxLength - 1 : maxLength;
        if (keep > 0 && char.IsHighSurrogate(text[keep - 1])) keep--;
        return ellipsis ? text[..keep] + Ellipsis : text[..keep];
    }
}
