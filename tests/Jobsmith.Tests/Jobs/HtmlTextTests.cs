using Jobsmith.Core.Jobs.Normalization;
using Markdig;

namespace Jobsmith.Tests.Jobs;

public sealed class HtmlTextTests
{
    [Fact]
    public void Drops_scripts_and_styles_and_keeps_lists_as_bullets()
    {
        const string html = "<style>p{color:red}</style><h2>About</h2><p>We <b>build</b>&nbsp;tools.</p>" +
                            "<ul><li>Go</li><li>Rust <script>alert('x')</script></li></ul><p>Apply now</p>";

        var description = HtmlText.FromHtml(html);

        Assert.Equal("About\n\nWe build tools.\n\n• Go\n• Rust\n\nApply now", description.Text);
        Assert.DoesNotContain("alert", description.Markdown, StringComparison.Ordinal);
        Assert.Contains("- Go\n- Rust", description.Markdown, StringComparison.Ordinal);
        Assert.StartsWith("### About", description.Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Markup_written_as_text_stays_inert_in_markdown()
    {
        var description = HtmlText.FromHtml("<p>Use &lt;img src=x onerror=alert(1)&gt; and [a](javascript:alert(1))</p>");

        Assert.Equal("Use <img src=x onerror=alert(1)> and [a](javascript:alert(1))", description.Text);
        Assert.Contains(@"\<img", description.Markdown, StringComparison.Ordinal);
        Assert.Contains(@"\[a\]\(javascript:alert\(1\)\)", description.Markdown, StringComparison.Ordinal);
        var rendered = Markdig.Markdown.ToHtml(description.Markdown, new Markdig.MarkdownPipelineBuilder().DisableHtml().Build());
        Assert.DoesNotContain("<img", rendered, StringComparison.Ordinal);
        Assert.DoesNotContain("href", rendered, StringComparison.Ordinal);
    }

    [Fact]
    public void Entity_encoded_html_from_greenhouse_is_decoded_before_parsing()
    {
        var description = HtmlText.FromHtml("&amp;lt;p&amp;gt;Hello&amp;lt;/p&amp;gt;&amp;lt;ul&amp;gt;&amp;lt;li&amp;gt;One&amp;lt;/li&amp;gt;&amp;lt;/ul&amp;gt;");

        Assert.Equal("Hello\n\n• One", description.Text);
    }

    [Fact]
    public void Nested_lists_and_line_breaks_stay_readable()
    {
        var description = HtmlText.FromHtml("<ul><li>Backend<ul><li>Go</li></ul></li></ul><p>a<br>b</p>");

        Assert.Equal("• Backend\n• Go\n\na\n\nb", description.Text);
    }

    [Fact]
    public void Plain_text_bullets_become_items() =>
        Assert.Equal("Intro\n\n• one\n• two", TextBlocks.FromPlain("Intro\n\n- one\n•   two\n").Text);
}
