using DocumentFormat.OpenXml.Wordprocessing;
using Jobsmith.Rendering.Templates;

namespace Jobsmith.Rendering.Docx;

/// <summary>The styles part: Word's own style ids (Heading1, Heading2, ListBullet) so Word's navigation pane and
/// parsers recognise the structure, in the template's font and accent colour.</summary>
internal static class DocxStyles
{
    public static Styles Build(DocumentTemplate template, string bulletStyle)
    {
        var size = template.WordSizeHalfPoints;
        var styles = new Styles(new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = template.WordFont, HighAnsi = template.WordFont, ComplexScript = template.WordFont, EastAsia = template.WordFont },
                new FontSize { Val = size.ToString() }, new FontSizeComplexScript { Val = size.ToString() }, new Languages { Val = "en-US" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "0", Line = "264", LineRule = LineSpacingRuleValues.Auto }))));

        styles.Append(Paragraph("Normal", "Normal", null, null, isDefault: true));
        styles.Append(Paragraph("Heading1", "heading 1", new StyleRunProperties(new Bold(), new Color { Val = template.AccentHex }, new FontSize { Val = (size * 2).ToString() }),
            new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { After = "60" },
                new Justification { Val = template.Name == "plain" ? JustificationValues.Center : JustificationValues.Left }, new OutlineLevel { Val = 0 })));
        styles.Append(Paragraph("Heading2", "heading 2", new StyleRunProperties(new Bold(), new Caps(), new Color { Val = template.AccentHex }, new FontSize { Val = (size + 2).ToString() }),
            new StyleParagraphProperties(new KeepNext(), new ParagraphBorders(new BottomBorder { Val = BorderValues.Single, Size = 6, Space = 1, Color = template.AccentHex }),
                new SpacingBetweenLines { Before = "200", After = "60" }, new OutlineLevel { Val = 1 })));
        styles.Append(Paragraph("Contact", "Contact", new StyleRunProperties(new FontSize { Val = (size - 2).ToString() }),
            new StyleParagraphProperties(new Justification { Val = template.Name == "plain" ? JustificationValues.Center : JustificationValues.Left })));
        styles.Append(Paragraph("Entry", "Entry", null, new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "100" })));
        styles.Append(Paragraph(bulletStyle, "List Bullet", null, new StyleParagraphProperties(new Indentation { Left = "360", Hanging = "240" })));
        styles.Append(Paragraph("LetterParagraph", "Letter Paragraph", null, new StyleParagraphProperties(new SpacingBetweenLines { After = "180" })));
        styles.Append(Paragraph("Signature", "Signature", null, null));
        styles.Append(Paragraph("Question", "Question", new StyleRunProperties(new Bold()), new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "160" })));
        styles.Append(Paragraph("Answer", "Answer", null, new StyleParagraphProperties(new SpacingBetweenLines { Before = "30" })));
        return styles;
    }

    private static Style Paragraph(string id, string name, StyleRunProperties? run, StyleParagraphProperties? paragraph, bool isDefault = false)
    {
        var style = new Style(new StyleName { Val = name }) { Type = StyleValues.Paragraph, StyleId = id };
        if (isDefault) style.Default = true;
        else style.Append(new BasedOn { Val = "Normal" }, new NextParagraphStyle { Val = "Normal" }, new PrimaryStyle());
        if (paragraph is not null) style.Append(paragraph);
        if (run is not null) style.Append(run);
        return style;
    }
}
