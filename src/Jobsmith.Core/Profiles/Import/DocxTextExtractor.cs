using System.IO.Compression;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Jobsmith.Core.Profiles.Import;

/// <summary>
/// DOCX text with the Open XML SDK's streaming reader: headers first (contact details often live
/// there), then the body in document order. Every paragraph is a line, including those in table
/// cells and text boxes; list items start with a bullet. The package is vetted before the SDK sees it (zip bombs, nesting depth).
/// </summary>
internal sealed class DocxTextExtractor(ResumeImportOptions options)
{
    public ExtractedText Extract(byte[] content)
    {
        DocxPackageGuard.Check(content, options);
        var text = new StringBuilder();
        try
        {
            using var document = WordprocessingDocument.Open(new MemoryStream(content), false,
                new OpenSettings { MaxCharactersInPart = options.MaxUncompressedBytes / 2 });
            var main = document.MainDocumentPart
                ?? throw new ResumeImportException(ResumeImportError.Corrupt, "The DOCX has no document body.");
            foreach (var header in main.HeaderParts) AppendParagraphs(header, text);
            AppendParagraphs(main, text);
            foreach (var footer in main.FooterParts) AppendParagraphs(footer, text);
        }
        // System.IO.Packaging reports damage as FileFormatException (a FormatException), the zip layer as InvalidDataException.
        catch (Exception ex) when (ex is OpenXmlPackageException or XmlException or InvalidDataException or FormatException
                                       or IOException or InvalidOperationException or ArgumentException)
        {
            throw new ResumeImportException(ResumeImportError.Corrupt, "The DOCX file is damaged and cannot be read.", ex);
        }
        var result = text.ToString().Trim('\n');
        if (result.Count(char.IsLetter) < options.MinTextCharacters)
            throw new ResumeImportException(ResumeImportError.Empty,
                "The DOCX contains no readable text (it may hold only images); upload a document with text.");
        return new ExtractedText(ResumeFileKind.Docx, result);
    }

    private void AppendParagraphs(OpenXmlPart part, StringBuilder output)
    {
        // Paragraphs in text boxes sit inside a run of the outer paragraph: a stack keeps them apart.
        var open = new Stack<StringBuilder>();
        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            if (reader.Depth > options.MaxXmlDepth)
                throw new ResumeImportException(ResumeImportError.Corrupt, "The DOCX is nested too deeply to be a real document.");
            var type = reader.ElementType;
            if (type == typeof(Paragraph))
            {
                if (reader.IsStartElement) open.Push(new StringBuilder());
                else if (open.Count > 0) output.Append(open.Pop().ToString().TrimEnd()).Append('\n');
            }
            else if (open.Count == 0 || !reader.IsStartElement) continue;
            // A Word list item draws its bullet from the numbering part, not from its text: write the marker the
            // analysis reads, so list items stay separate bullets and never pass for entry headers.
            else if (type == typeof(NumberingProperties) && open.Peek().Length == 0) open.Peek().Append("• ");
            else if (type == typeof(Text)) open.Peek().Append(reader.GetText());
            else if (type == typeof(TabChar)) open.Peek().Append('\t');
            else if (type == typeof(Break) || type == typeof(CarriageReturn)) open.Peek().Append('\n');
        }
    }
}

internal static class DocxPackageGuard
{
    public static void Check(byte[] content, ResumeImportOptions options)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content), ZipArchiveMode.Read);
            if (zip.Entries.Count > options.MaxZipEntries)
                throw Bomb($"it holds {zip.Entries.Count} entries");
            long total = 0;
            foreach (var entry in zip.Entries)
            {
                total += entry.Length;
                // Deflate rarely beats 1:200 on real XML; far beyond that is a decompression bomb.
                if (total > options.MaxUncompressedBytes || entry.CompressedLength > 0 && entry.Length / entry.CompressedLength > 1000)
                    throw Bomb("it expands to far more data than a document needs");
            }
        }
        catch (InvalidDataException ex)
        {
            throw new ResumeImportException(ResumeImportError.Corrupt, "The DOCX package is damaged and cannot be opened.", ex);
        }
    }

    private static ResumeImportException Bomb(string why) =>
        new(ResumeImportError.Corrupt, $"The DOCX package was rejected because {why}.");
}
