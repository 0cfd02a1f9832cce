using Jobsmith.Core.Profiles.Import;

namespace Jobsmith.Tests.Profiles;

public sealed class BboxLayoutReaderTests
{
    private static string Page(params string[] words) =>
        "<page><flow><block><line>" + string.Concat(words.Select(w => $"<word>{w}</word>")) + "</line></block></flow></page>";

    [Theory]
    [InlineData("\u0005", "•")]
    [InlineData("\u0005Built", "• Built")]
    [InlineData("MA\u001f", "MA •")]
    [InlineData("Ph\u0001D", "PhD")]
    [InlineData("Doe\uffff", "Doe")]
    [InlineData("\u0085", "")]
    public void Glyphs_without_a_unicode_value_become_bullets_at_word_edges_and_vanish_inside(string word, string expected)
    {
        var pages = BboxLayoutReader.ReadPages("<html><body>" + Page("Jane", word, "Doe") + "</body></html>", 64);
        Assert.Equal($"Jane {expected} Doe".Replace("  ", " ", StringComparison.Ordinal), pages.Single().Trim('\n'));
    }

    [Fact]
    public void Pages_stay_apart_and_join_with_a_blank_line()
    {
        var pages = BboxLayoutReader.ReadPages($"<html><body>{Page("One")}{Page("Two")}</body></html>", 64);
        Assert.Equal(["One\n\n\n", "Two\n\n\n"], pages);
        Assert.Equal("One\n\n\nTwo", BboxLayoutReader.ToText(pages));
    }
}
