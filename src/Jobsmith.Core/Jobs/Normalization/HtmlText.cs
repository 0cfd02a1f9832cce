using System.Net;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Jobsmith.Core.Jobs.Normalization;

/// <summary>
/// Turns untrusted posting HTML into blocks of plain text (paragraphs, headings, bullet items),
/// then renders them as clean text and as Markdown with every markup character escaped.
/// Scripts, styles and embedded frames are dropped; no attribute survives.
/// </summary>
public static class HtmlText
{
    private static readonly HtmlParser Parser = new(new HtmlParserOptions { IsScripting = false });

    private static readonly HashSet<string> Dropped = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas", "head", "form", "button",
    };

    private static readonly HashSet<string> BlockTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "header", "footer", "blockquote", "pre", "table", "tr", "ul", "ol", "dl", "dt", "dd", "br", "hr",
    };

    public static PostingDescription FromHtml(string? html)
    {
        return new PostingDescription(ToBlocks(html));
    }

    /// <summary>One line of text from an HTML fragment such as a title with &lt;strong&gt; highlights.</summary>
    public static string ToLine(string html) => string.Join(' ', ToBlocks(html).Select(b => b.Text));

    public static IReadOnlyList<TextBlock> ToBlocks(string? html)
    {
        if (string.IsNullOrWhiteSpace(html)) return [];
        var document = Parser.ParseDocument(UnwrapEncodedHtml(html));
        var walker = new Walker();
        if (document.Body is { } body) walker.Visit(body, inList: false);
        walker.Flush();
        return walker.Blocks;
    }

    /// <summary>
    /// Greenhouse and some feeds send HTML as entity-encoded text ("&amp;lt;p&amp;gt;"), sometimes twice.
    /// Decode only while the input has no real tags, so literal "&lt;" in real HTML stays text.
    /// </summary>
    internal static string UnwrapEncodedHtml(string html)
    {
        for (var i = 0; i < 2 && !html.Contains('<', StringComparison.Ordinal) && html.Contains("lt;", StringComparison.OrdinalIgnoreCase); i++)
            html = WebUtility.HtmlDecode(html);
        return html;
    }

    private sealed class Walker
    {
        private readonly StringBuilder _current = new();
        private BlockKind _kind = BlockKind.Paragraph;

        public List<TextBlock> Blocks { get; } = [];

        public void Visit(INode node, bool inList)
        {
            foreach (var child in node.ChildNodes)
            {
                switch (child)
                {
                    case IText text:
                        _current.Append(text.Data);
                        break;
                    case IElement element when Dropped.Contains(element.LocalName):
                        break;
                    case IElement element:
                        VisitElement(element, inList);
                        break;
                }
            }
        }

        private void VisitElement(IElement element, bool inList)
        {
            var name = element.LocalName;
            if (name == "li")
            {
                Flush();
                _kind = BlockKind.Bullet;
                Visit(element, inList: true);
                Flush();
                return;
            }
            if (name.Length == 2 && name[0] == 'h' && char.IsAsciiDigit(name[1]))
            {
                Flush();
                _kind = BlockKind.Heading;
                Visit(element, inList);
                Flush();
                return;
            }
            var block = BlockTags.Contains(name);
            if (block && !inList) Flush();
            else if (block) _current.Append(' ');
            if (name is "td" or "th") _current.Append(' ');
            Visit(element, inList || name is "ul" or "ol");
            if (block && !inList) Flush();
        }

        public void Flush()
        {
            var text = TextBlocks.CollapseWhitespace(_current.ToString());
            if (text.Length > 0) Blocks.Add(new TextBlock(_kind, text));
            _current.Clear();
            _kind = BlockKind.Paragraph;
        }
    }
}
