using Jobsmith.Core.Profiles.Import;
using Jobsmith.Core.Profiles.Llm;
using Jobsmith.Core.Profiles.Model;

namespace Jobsmith.Tests.Profiles;

public sealed class TextLocatorTests
{
    private static readonly ExtractedText Text = new(ResumeFileKind.PlainText,
        "Software Engineer\nJavaScript at Acme\nSoftware Engineer — Globex\nBuilt the Java\n  billing service");

    [Fact]
    public void Finds_values_across_line_breaks_and_dash_variants_with_their_spans()
    {
        var locate = new TextLocator(Text);

        var bullet = locate.Find("java billing service")!;
        Assert.Equal("Java\n  billing service", bullet.Value);
        Assert.Equal((4, 5), (bullet.Source.FirstLine, bullet.Source.LastLine));
        Assert.Equal(bullet.Value, Text.Text[bullet.Source.Start..bullet.Source.End]);
        Assert.Equal("Software Engineer — Globex", locate.Find("Software Engineer - Globex")!.Value);
        Assert.Equal(0, locate.Unlocated);
    }

    [Fact]
    public void Prefers_the_occurrence_inside_the_given_span_and_respects_word_edges()
    {
        var locate = new TextLocator(Text);
        var third = Text.Lines[2].Span;

        Assert.Equal(3, locate.Find("Software Engineer", third)!.Source.FirstLine);
        Assert.Equal(1, locate.Find("Software Engineer", new SourceSpan(9, 9, 500, 600))!.Source.FirstLine);
        Assert.Equal(4, locate.Find("Java")!.Source.FirstLine);
        Assert.Null(locate.Find("Globex Corp"));
        Assert.Null(locate.Find("Acm"));
        Assert.Equal(2, locate.Unlocated);
    }
}
