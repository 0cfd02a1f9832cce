using System.Text;
using System.Xml;

namespace Jobsmith.Core.Profiles.Import;

/// <summary>
/// Turns <c>pdftotext -bbox-layout</c> XHTML into lines: one line per poppler line, a blank line
/// between blocks so headings and paragraphs stay apart, pages in order.
/// </summary>
internal static class BboxLayoutReader
{
    private const string Bullet = "•";

    /// <summary>The text of each page, in order; each ends with the blank line that separates it from the next.</summary>
    public static IReadOnlyList<string> ReadPages(string xhtml, int maxDepth)
    {
        // pdftotext writes a glyph it cannot map as its raw code (U+0005 where a symbol font draws a bullet),
        // which XML forbids in text. As a character reference it reads through when the character check is off,
        // and CleanWord decides what it stands for, so one odd glyph never refuses a readable file.
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Ignore, XmlResolver = null, IgnoreWhitespace = true, CheckCharacters = false,
        };
        var pages = new List<string>();
        var page = new StringBuilder();
        var line = new StringBuilder();
        try
        {
            using var reader = XmlReader.Create(new StringReader(ReferenceInvalidCharacters(xhtml)), settings);
            var more = reader.Read();
            while (more)
            {
                if (reader.Depth > maxDepth) throw new XmlException("nesting too deep");
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "word")
                {
                    // ReadElementContentAsString already moves past the element, so no Read() here.
                    var word = CleanWord(reader.ReadElementContentAsString());
                    if (word.Length > 0) line.Append(line.Length > 0 ? " " : "").Append(word);
                    more = !reader.EOF;
                    continue;
                }
                if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "line") FlushLine(page, line);
                else if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "block") page.Append('\n');
                else if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "page")
                {
                    pages.Add(page.Append('\n').ToString());
                    page.Clear();
                }
                more = reader.Read();
            }
        }
        catch (XmlException ex)
        {
            throw new ResumeImportException(ResumeImportError.Corrupt, "The PDF text could not be laid out; the file may be damaged.", ex);
        }
        return pages;
    }

    public static string ToText(IEnumerable<string> pages) => string.Concat(pages).Trim('\n');

    private static string ReferenceInvalidCharacters(string xhtml)
    {
        StringBuilder? referenced = null;
        var copied = 0;
        for (var i = 0; i < xhtml.Length; i++)
        {
            if (XmlConvert.IsXmlChar(xhtml[i])) continue;
            if (i + 1 < xhtml.Length && XmlConvert.IsXmlSurrogatePair(xhtml[i + 1], xhtml[i]))
            {
                i++;
                continue;
            }
            referenced ??= new StringBuilder(xhtml.Length + 64);
            referenced.Append(xhtml, copied, i - copied);
            // A lone surrogate half is no character at all: it is dropped rather than referenced.
            if (!char.IsSurrogate(xhtml[i])) referenced.Append("&#").Append((int)xhtml[i]).Append(';');
            copied = i + 1;
        }
        return referenced is null ? xhtml : referenced.Append(xhtml, copied, xhtml.Length - copied).ToString();
    }

    /// <summary>
    /// A control character at the edge of a word is a symbol glyph without a Unicode value drawn before or after
    /// the text (a bullet, a middle dot between contact details), so it becomes a bullet; inside a word it is
    /// dropped, as is anything else XML cannot hold.
    /// </summary>
    internal static string CleanWord(string word)
    {
        if (!word.Any(IsOdd)) return word;
        var core = string.Concat(word.Where(c => !IsOdd(c)));
        var before = IsBulletLike(word[0]);
        var after = IsBulletLike(word[^1]);
        if (core.Length == 0) return before || after ? Bullet : "";
        return (before ? Bullet + " " : "") + core + (after ? " " + Bullet : "");
    }

    private static bool IsOdd(char c) => char.IsControl(c) || c is '\uFFFE' or '\uFFFF';

    private static bool IsBulletLike(char c) => char.IsControl(c) && !char.IsWhiteSpace(c);

    private static void FlushLine(StringBuilder output, StringBuilder line)
    {
        if (line.Length == 0) return;
        output.Append(line).Append('\n');
        line.Clear();
    }
}
