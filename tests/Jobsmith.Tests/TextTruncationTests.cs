using Jobsmith.Core;

namespace Jobsmith.Tests;

public sealed class TextTruncationTests
{
    [Theory]
    [InlineData("short", 10, false, "short")]
    [InlineData("exactly10!", 10, false, "exactly10!")]
    [InlineData("a longer text", 6, false, "a long")]
    [InlineData("a longer text", 6, true, "a lon…")]
    [InlineData("abc", 0, false, "")]
    public void Keeps_text_that_fits_and_cuts_the_rest_to_the_limit(string text, int max, bool ellipsis, string expected)
    {
        var cut = text.Truncate(max, ellipsis);
        Assert.Equal(expected, cut);
        Assert.True(cut.Length <= max);
    }

    [Fact]
    public void Never_splits_a_surrogate_pair()
    {
        const string text = "ab😀cd"; // the emoji is two UTF-16 units at index 2 and 3
        Assert.Equal("ab", text.Truncate(3));
        Assert.Equal("ab😀", text.Truncate(4));
        Assert.Equal("ab…", text.Truncate(4, ellipsis: true));
        Assert.DoesNotContain(Enumerable.Range(0, text.Length + 1).Select(n => text.Truncate(n)), s => s.Length > 0 && char.IsHighSurrogate(s[^1]));
    }

    [Fact]
    public void Null_stays_null()
    {
        string? nothing = null;
        Assert.Null(nothing.Truncate(5));
    }
}
