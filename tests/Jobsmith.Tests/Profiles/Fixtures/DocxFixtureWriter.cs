using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Jobsmith.Tests.Profiles.Fixtures;

/// <summary>Builds DOCX fixtures with the Open XML SDK: plain paragraphs, plus optional table and text box content.</summary>
public static class DocxFixtureWriter
{
    public static byte[] Paragraphs(string text, IReadOnlyList<string[]>? tableRows = null, string? textBox = null)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body();
            if (textBox is not null) body.Append(TextBoxParagraph(textBox));
            foreach (var line in text.Replace("\r", "", StringComparison.Ordinal).Split('\n'))
                body.Append(new Paragraph(new Run(new Text(Clean(line)) { Space = SpaceProcessingModeValues.Preserve })));
            if (tableRows is not null) body.Append(Table(tableRows));
            main.Document = new Document(body);
            main.Document.Save();
        }
        return stream.ToArray();
    }

    /// <summary>Paragraphs where lines starting with "• " become Word list items: numbering decides the bullet, the text has none.</summary>
    public static byte[] WordList(string text)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.AddNewPart<NumberingDefinitionsPart>().Numbering = new Numbering(
                new AbstractNum(new Level(new NumberingFormat { Val = NumberFormatValues.Bullet }, new LevelText { Val = "•" }) { LevelIndex = 0 }) { AbstractNumberId = 1 },
                new NumberingInstance(new AbstractNumId { Val = 1 }) { NumberID = 1 });
            var body = new Body();
            foreach (var line in text.Replace("\r", "", StringComparison.Ordinal).Split('\n'))
            {
                var item = line.StartsWith("• ", StringComparison.Ordinal);
                var paragraph = new Paragraph();
                if (item) paragraph.Append(new ParagraphProperties(new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = 1 })));
                paragraph.Append(new Run(new Text(Clean(item ? line[2..] : line)) { Space = SpaceProcessingModeValues.Preserve }));
                body.Append(paragraph);
            }
            main.Document = new Document(body);
            main.Document.Save();
        }
        return stream.ToArray();
    }

    private static Table Table(IReadOnlyList<string[]> rows)
    {
        var table = new Table();
        foreach (var row in rows)
            table.Append(new TableRow(row.Select(cell => new TableCell(new Paragraph(new Run(new Text(Clean(cell))))))));
        return table;
    }

    // A VML text box, as older Word versions and many resume templates write it.
    private static Paragraph TextBoxParagraph(string text) => new(
        "<w:p xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" xmlns:v=\"urn:schemas-microsoft-com:vml\">" +
        "<w:r><w:pict><v:shape style=\"width:200pt;height:50pt\"><v:textbox><w:txbxContent>" +
        $"<w:p><w:r><w:t>{System.Security.SecurityElement.Escape(Clean(text))}</w:t></w:r></w:p>" +
        "</w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>");

    // XML 1.0 cannot carry most control characters.
    private static string Clean(string text) => new(text.Where(c => c is '\t' or >= ' ' && !char.IsSurrogate(c)).ToArray());
}
