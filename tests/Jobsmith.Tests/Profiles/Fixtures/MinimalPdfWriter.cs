using System.Globalization;
using System.Text;

namespace Jobsmith.Tests.Profiles.Fixtures;

/// <summary>
/// The smallest correct PDF writer for test fixtures: Helvetica text lines placed at given positions,
/// one content stream per page, a byte-exact xref table. Written for Jobsmith's tests from the PDF 1.4
/// reference (catalog, pages tree, page, font and content objects; cross-reference table).
/// </summary>
public static class MinimalPdfWriter
{
    public sealed record PlacedLine(double X, double Y, string Text);

    private const double PageWidth = 612, PageHeight = 792, Top = 750, Bottom = 50, Leading = 12;

    public static byte[] SingleColumn(string text, int wrapAt = 95) =>
        Write(Paginate(Wrap(text, wrapAt), 50));

    /// <summary>Left column first, then the right column on each page: the reading order a parser must recover.</summary>
    public static byte[] TwoColumns(string left, string right, int wrapAt = 45)
    {
        var leftPages = Paginate(Wrap(left, wrapAt), 50);
        var rightPages = Paginate(Wrap(right, wrapAt), 320);
        var pages = new List<List<PlacedLine>>();
        for (var i = 0; i < Math.Max(leftPages.Count, rightPages.Count); i++)
            pages.Add([.. i < leftPages.Count ? leftPages[i] : [], .. i < rightPages.Count ? rightPages[i] : []]);
        return Write(pages);
    }

    /// <summary>Pages that only draw shapes: what a scanned resume looks like to a text extractor.</summary>
    public static byte[] WithoutText(int pages) =>
        Write(Enumerable.Range(0, pages).Select(_ => new List<PlacedLine>()).ToList(), "0 0 1 rg 100 100 300 400 re f");

    /// <summary>
    /// A PDF whose standard security handler (RC4, revision 2) rejects the empty user password: the /U
    /// check value is random, so no reader can open it without a password it does not have.
    /// </summary>
    public static byte[] PasswordProtected(string text)
    {
        var check = string.Concat(Enumerable.Range(0, 32).Select(i => ((i * 37 + 11) % 256).ToString("X2", CultureInfo.InvariantCulture)));
        return Write(Paginate(Wrap(text, 95), 50), "", $"<< /Filter /Standard /V 1 /R 2 /O <{check}> /U <{check}> /P -44 >>");
    }

    public static byte[] Write(IReadOnlyList<List<PlacedLine>> pages, string extraGraphics = "", string? encryptDictionary = null)
    {
        var objects = new List<byte[]>();
        var pageIds = Enumerable.Range(0, pages.Count).Select(i => 4 + i * 2).ToList();
        objects.Add(Ascii("<< /Type /Catalog /Pages 2 0 R >>"));
        objects.Add(Ascii($"<< /Type /Pages /Kids [{string.Join(' ', pageIds.Select(id => $"{id} 0 R"))}] /Count {pages.Count} >>"));
        objects.Add(Ascii("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"));
        foreach (var (page, index) in pages.Select((p, i) => (p, i)))
        {
            var content = Content(page, extraGraphics);
            objects.Add(Ascii($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {PageWidth} {PageHeight}] " +
                              $"/Resources << /Font << /F1 3 0 R >> >> /Contents {pageIds[index] + 1} 0 R >>"));
            objects.Add([.. Ascii($"<< /Length {content.Length} >>\nstream\n"), .. content, .. Ascii("\nendstream")]);
        }
        if (encryptDictionary is not null) objects.Add(Ascii(encryptDictionary));
        return Assemble(objects, encryptDictionary is null ? "" : $" /Encrypt {objects.Count} 0 R /ID [<00112233445566778899AABBCCDDEEFF> <00112233445566778899AABBCCDDEEFF>]");
    }

    private static byte[] Assemble(List<byte[]> objects, string trailerExtra)
    {
        using var output = new MemoryStream();
        output.Write(Ascii("%PDF-1.4\n%\u00e2\u00e3\n"));
        var offsets = new List<long>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(output.Position);
            output.Write(Ascii($"{i + 1} 0 obj\n"));
            output.Write(objects[i]);
            output.Write(Ascii("\nendobj\n"));
        }
        var xref = output.Position;
        var table = new StringBuilder($"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets) table.Append(offset.ToString("D10", CultureInfo.InvariantCulture)).Append(" 00000 n \n");
        table.Append($"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R{trailerExtra} >>\nstartxref\n{xref}\n%%EOF\n");
        output.Write(Ascii(table.ToString()));
        return output.ToArray();
    }

    private static byte[] Content(List<PlacedLine> lines, string extraGraphics)
    {
        var stream = new StringBuilder(extraGraphics).Append('\n');
        foreach (var line in lines)
            stream.Append(CultureInfo.InvariantCulture, $"BT /F1 10 Tf {line.X:0.##} {line.Y:0.##} Td ({Escape(line.Text)}) Tj ET\n");
        return Encoding.Latin1.GetBytes(stream.ToString());
    }

    private static string Escape(string text)
    {
        var builder = new StringBuilder();
        foreach (var c in text)
        {
            if (c is '(' or ')' or '\\') builder.Append('\\').Append(c);
            else if (c == '•') builder.Append('\u0095'); // WinAnsi bullet
            else builder.Append(c is >= ' ' and <= 'ÿ' ? c : '?');
        }
        return builder.ToString();
    }

    private static List<List<PlacedLine>> Paginate(List<string> lines, double x)
    {
        var pages = new List<List<PlacedLine>> { new() };
        var y = Top;
        foreach (var line in lines)
        {
            if (y < Bottom) { pages.Add([]); y = Top; }
            pages[^1].Add(new PlacedLine(x, y, line));
            y -= Leading;
        }
        return pages;
    }

    public static List<string> Wrap(string text, int width)
    {
        var result = new List<string>();
        foreach (var raw in text.Replace("\r", "", StringComparison.Ordinal).Split('\n'))
        {
            var line = raw;
            while (line.Length > width)
            {
                var cut = line.LastIndexOf(' ', width);
                if (cut <= 0) cut = width;
                result.Add(line[..cut]);
                line = line[cut..].TrimStart();
            }
            result.Add(line);
        }
        return result;
    }

    private static byte[] Ascii(string text) => Encoding.Latin1.GetBytes(text);
}
