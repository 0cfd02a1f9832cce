using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Jobsmith.Rendering.Layout;
using Jobsmith.Rendering.Templates;

namespace Jobsmith.Rendering.Docx;

/// <summary>
/// A Word document with the structure Word and applicant tracking systems understand: the name as Heading 1,
/// section titles as Heading 2, bullets as real list paragraphs (a bullet numbering definition), everything else
/// plain runs of text. The Open XML SDK encodes text itself, so untrusted text cannot become markup.
/// </summary>
internal static class DocxWriter
{
    private const int BulletNumberingId = 1;
    private const string BulletStyle = "ListBullet";

    public static byte[] Write(PrintedDocument document, DocumentTemplate template, string paperSize, double marginInches)
    {
        using var stream = new MemoryStream();
        using (var package = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            package.PackageProperties.Title = document.Title;
            var main = package.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = DocxStyles.Build(template, BulletStyle);
            main.AddNewPart<NumberingDefinitionsPart>().Numbering = BulletNumbering(template);
            var body = new Body();
            foreach (var section in document.Sections)
            {
                if (section.Heading is not null && document.Kind != Core.Documents.DocumentKinds.Answers) body.Append(Styled("Heading2", section.Heading));
                foreach (var block in section.Blocks) Append(body, block, document.Kind);
            }
            body.Append(PageSetup(paperSize, marginInches));
            main.Document = new Document(body);
            main.Document.Save();
        }
        return stream.ToArray();
    }

    private static void Append(Body body, Block block, string kind)
    {
        switch (block.Kind)
        {
            case BlockKind.Name:
                body.Append(Styled("Heading1", block.Text));
                break;
            case BlockKind.Contact:
                body.Append(Joined("Contact", block.Pieces, boldFirst: false));
                break;
            case BlockKind.Entry:
                body.Append(Joined("Entry", block.Pieces, boldFirst: true));
                break;
            case BlockKind.Bullet:
                body.Append(new Paragraph(
                    new ParagraphProperties(new ParagraphStyleId { Val = BulletStyle },
                        new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = BulletNumberingId })),
                    TextRun(block.Text)));
                break;
            case BlockKind.Question:
                body.Append(Styled("Question", block.Text));
                body.Append(string.IsNullOrWhiteSpace(block.Answer)
                    ? new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "Answer" }), TextRun("Needs your answer", italic: true))
                    : Styled("Answer", block.Answer));
                break;
            case BlockKind.Signature:
                body.Append(Styled("Signature", block.Text));
                break;
            default:
                var style = kind == Core.Documents.DocumentKinds.CoverLetter ? "LetterParagraph" : "Normal";
                body.Append(block.Label is null
                    ? Styled(style, string.Join(", ", block.Pieces))
                    : new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = style }), TextRun(block.Label, bold: true), TextRun(" " + string.Join(", ", block.Pieces))));
                break;
        }
    }

    private static Paragraph Styled(string style, string text) =>
        new(new ParagraphProperties(new ParagraphStyleId { Val = style }), TextRun(text));

    // Pieces on one line with a visible separator; a reader that drops styling still sees "Title | Place | Period".
    private static Paragraph Joined(string style, IReadOnlyList<string> pieces, bool boldFirst)
    {
        var paragraph = new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        for (var i = 0; i < pieces.Count; i++)
        {
            if (i > 0) paragraph.Append(TextRun(" | "));
            paragraph.Append(TextRun(pieces[i], bold: boldFirst && i == 0));
        }
        return paragraph;
    }

    private static Run TextRun(string text, bool bold = false, bool italic = false)
    {
        var run = new Run();
        if (bold || italic)
        {
            var properties = new RunProperties();
            if (bold) properties.Append(new Bold());
            if (italic) properties.Append(new Italic());
            run.Append(properties);
        }
        // XML 1.0 cannot carry most control characters; they are no part of any document text anyway.
        run.Append(new Text(new string([.. text.Where(c => !char.IsControl(c) || c == '\t')])) { Space = SpaceProcessingModeValues.Preserve });
        return run;
    }

    private static Numbering BulletNumbering(DocumentTemplate template) => new(
        new AbstractNum(
            new MultiLevelType { Val = MultiLevelValues.SingleLevel },
            new Level(
                new StartNumberingValue { Val = 1 },
                new NumberingFormat { Val = NumberFormatValues.Bullet },
                new LevelText { Val = "•" },
                new LevelJustification { Val = LevelJustificationValues.Left },
                new PreviousParagraphProperties(new Indentation { Left = "360", Hanging = "240" }),
                new NumberingSymbolRunProperties(new RunFonts { Ascii = template.WordFont, HighAnsi = template.WordFont }))
            { LevelIndex = 0 })
        { AbstractNumberId = 1 },
        new NumberingInstance(new AbstractNumId { Val = 1 }) { NumberID = BulletNumberingId });

    private static SectionProperties PageSetup(string paperSize, double marginInches)
    {
        // Twentieths of a point: Letter 8.5 x 11 in, A4 210 x 297 mm.
        var (width, height) = paperSize == "A4" ? (11906u, 16838u) : (12240u, 15840u);
        var margin = (int)Math.Round(marginInches * 1440);
        return new SectionProperties(
            new PageSize { Width = width, Height = height },
            new PageMargin { Top = margin, Bottom = margin, Left = (uint)margin, Right = (uint)margin, Header = 432, Footer = 432, Gutter = 0 });
    }
}
