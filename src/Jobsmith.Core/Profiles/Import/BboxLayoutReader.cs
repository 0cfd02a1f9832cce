using System.Text;
using System.Xml;

namespace Jobsmith.Core.Profiles.Import;

/// <summary>
/// Turns <c>pdftotext -bbox-layout</c> XHTML into lines: one line per poppler line, a blank line
/// between blocks so headings and paragraphs stay apart, pages in order.
/// </summary>
internal static class BboxLayoutReader
{
    public static string ToText(string xhtml, int maxDepth)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null, IgnoreWhitespace = true };
        var output = new StringBuilder();
        var line = new StringBuilder();
        try
        {
            using var reader = XmlReader.Create(new StringReader(xhtml), settings);
            var more = reader.Read();
            while (more)
            {
                if (reader.Depth > maxDepth) throw new XmlException("nesting too deep");
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "word")
                {
                    // ReadElementContentAsString already moves past the element, so no Read() here.
                    if (line.Length > 0) line.Append(' ');
                    line.Append(reader.ReadElementContentAsString());
                    more = !reader.EOF;
                    continue;
                }
                if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "line") FlushLine(output, line);
                else if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName is "block" or "page") output.Append('\n');
                more = reader.Read();
            }
        }
        catch (XmlException ex)
        {
            throw new ResumeImportException(ResumeImportError.Corrupt, "The PDF text could not be laid out; the file may be damaged.", ex);
        }
        return output.ToString().Trim('\n');
    }

    private static void FlushLine(StringBuilder output, StringBuilder line)
    {
        if (line.Length == 0) return;
        output.Append(line).Append('\n');
        line.Clear();
    }
}
