using System.IO.Compression;
using System.Text;
using Jobsmith.Core.Profiles;
using Jobsmith.Core.Profiles.Import;
using Jobsmith.Tests.Profiles.Fixtures;
using Jobsmith.Tests.TestSupport;

namespace Jobsmith.Tests.Profiles;

public sealed class ResumeImporterTests
{
    private const string Resume = "Jane Doe\njane.doe@example.com\n\nEXPERIENCE\nSenior Developer\nAcme Corp - Boston, MA\nJanuary 2019 to Present\n• Built the billing platform in C# and PostgreSQL\n\nSKILLS\nC#, PostgreSQL, Docker";

    private readonly ResumeImporter importer = new();

    [Fact]
    public async Task Plain_text_keeps_its_lines_and_offsets()
    {
        var text = await importer.ImportAsync(Encoding.UTF8.GetBytes(Resume), "resume.txt");
        Assert.Equal(ResumeFileKind.PlainText, text.Kind);
        Assert.Equal("Acme Corp - Boston, MA", text.Lines[5].Text);
        var line = text.Lines[5];
        Assert.Equal(line.Text, text.Text[line.Start..line.End]);
    }

    [Fact]
    public async Task Markdown_loses_its_markup()
    {
        var text = await importer.ImportAsync(Encoding.UTF8.GetBytes("# Jane Doe\n**Senior Developer** at [Acme](https://acme.example)\n" + Resume), "cv.md");
        Assert.Equal("Jane Doe", text.Lines[0].Text);
        Assert.StartsWith("Senior Developer at Acme (https://acme.example)", text.Lines[1].Text, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Pdf_text_comes_out_in_order()
    {
        PopplerCheck.Require();
        var text = await importer.ImportAsync(MinimalPdfWriter.SingleColumn(Resume), "resume.pdf");
        Assert.Equal(1, text.PageCount);
        Assert.Contains("Acme Corp - Boston, MA", text.Text, StringComparison.Ordinal);
        Assert.True(text.Text.IndexOf("EXPERIENCE", StringComparison.Ordinal) < text.Text.IndexOf("SKILLS", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task Two_column_pdf_reads_the_left_column_before_the_right()
    {
        PopplerCheck.Require();
        var left = "Jane Doe\nSenior Developer\n\nEXPERIENCE\nAcme Corp\nBuilt the billing platform\nLed a team of five engineers";
        var right = "SKILLS\nKubernetes\nTerraform\n\nLANGUAGES\nEnglish\nGerman";
        var text = await importer.ImportAsync(MinimalPdfWriter.TwoColumns(left, right), "resume.pdf");
        var lines = text.Lines.Select(l => l.Text).Where(l => l.Length > 0).ToList();
        Assert.Contains("Led a team of five engineers", lines);
        Assert.Contains("Kubernetes", lines);
        Assert.True(lines.IndexOf("Led a team of five engineers") < lines.IndexOf("SKILLS"), string.Join(" / ", lines));
        Assert.True(lines.IndexOf("Acme Corp") < lines.IndexOf("Kubernetes"), string.Join(" / ", lines));
    }

    [SkippableFact]
    public async Task Pdf_with_too_many_pages_is_refused()
    {
        PopplerCheck.Require();
        var longText = string.Join('\n', Enumerable.Range(0, 21 * 60).Select(i => $"Line {i} of a very long resume"));
        var error = await Assert.ThrowsAsync<ResumeImportException>(() => importer.ImportAsync(MinimalPdfWriter.SingleColumn(longText), "long.pdf"));
        Assert.Equal(ResumeImportError.TooManyPages, error.Error);
        Assert.Contains("20 pages", error.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Pdf_without_text_layer_is_reported_as_scanned()
    {
        PopplerCheck.Require();
        var error = await Assert.ThrowsAsync<ResumeImportException>(() => importer.ImportAsync(MinimalPdfWriter.WithoutText(2), "scan.pdf"));
        Assert.Equal(ResumeImportError.NoTextLayer, error.Error);
    }

    [SkippableFact]
    public async Task Control_characters_from_a_symbol_font_read_as_bullets_instead_of_refusing_the_pdf()
    {
        PopplerCheck.Require();
        var text = await importer.ImportAsync(PdfFixtures.Load(PdfFixtures.ControlCharBullets), "resume.pdf");
        var lines = text.Lines.Select(l => l.Text).ToList();
        Assert.Contains("jane.doe@example.com • +1 617 555 0142 • Boston, MA", lines);
        Assert.Contains("• Built the billing platform in C# and PostgreSQL", lines);
        Assert.DoesNotContain(text.Text, c => char.IsControl(c) && c != '\n');

        var resume = await new ProfileParser(TimeProvider.System).ParseAsync(PdfFixtures.Load(PdfFixtures.ControlCharBullets), "resume.pdf");
        Assert.Equal("jane.doe@example.com", resume.Contact.Email?.Value);
        Assert.Contains("Led a team of five engineers through the move to Kubernetes",
            resume.Experience.SelectMany(e => e.Bullets).Select(b => b.Value));
    }

    [SkippableFact]
    public async Task Pdf_whose_font_has_no_unicode_map_is_reported_like_a_scan()
    {
        PopplerCheck.Require();
        var error = await Assert.ThrowsAsync<ResumeImportException>(() => importer.ImportAsync(PdfFixtures.Load(PdfFixtures.NoUnicodeMap), "resume.pdf"));
        Assert.Equal(ResumeImportError.NoTextLayer, error.Error);
    }

    [SkippableFact]
    public async Task Password_protected_pdf_is_reported_as_encrypted()
    {
        PopplerCheck.Require();
        var error = await Assert.ThrowsAsync<ResumeImportException>(() => importer.ImportAsync(MinimalPdfWriter.PasswordProtected(Resume), "locked.pdf"));
        Assert.Equal(ResumeImportError.Encrypted, error.Error);
        Assert.Contains("password", error.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Broken_pdf_is_corrupt()
    {
        PopplerCheck.Require();
        var error = await Assert.ThrowsAsync<ResumeImportException>(() => importer.ImportAsync("%PDF-1.7\nthis is not a pdf body"u8.ToArray(), "x.pdf"));
        Assert.Equal(ResumeImportError.Corrupt, error.Error);
    }

    [Fact]
    public async Task Docx_includes_tables_and_text_boxes()
    {
        var docx = DocxFixtureWriter.Paragraphs(Resume, [["Languages", "English, German"]], textBox: "Portfolio: janedoe.example");
        var text = await importer.ImportAsync(docx, "resume.docx");
        Assert.Equal(ResumeFileKind.Docx, text.Kind);
        Assert.Contains("Senior Developer", text.Lines.Select(l => l.Text));
        Assert.Contains("English, German", text.Lines.Select(l => l.Text));
        Assert.Contains("Portfolio: janedoe.example", text.Lines.Select(l => l.Text));
    }

    [Fact]
    public async Task Docx_list_items_read_as_bullets_so_a_short_item_is_no_entry_header()
    {
        var docx = DocxFixtureWriter.WordList("EXPERIENCE\nSenior Developer, Acme Corp\nJanuary 2019 to Present\n• Led the billing team\n• Built the ledger\nDeveloper, Initech\n2015 - 2018\n• Wrote reports");
        var text = await importer.ImportAsync(docx, "resume.docx");
        Assert.Equal(["• Led the billing team", "• Built the ledger"], text.Lines.Select(l => l.Text).Where(l => l.Contains("billing", StringComparison.Ordinal) || l.Contains("ledger", StringComparison.Ordinal)));
        Assert.Equal("Developer, Initech", text.Lines.Single(l => l.Text.Contains("Initech", StringComparison.Ordinal)).Text);
    }

    [Fact]
    public async Task Content_decides_the_type_not_the_extension()
    {
        var docx = DocxFixtureWriter.Paragraphs(Resume);
        Assert.Equal(ResumeFileKind.Docx, (await importer.ImportAsync(docx, "resume.pdf.txt")).Kind);
        var error = await Assert.ThrowsAsync<ResumeImportException>(() => importer.ImportAsync(Encoding.UTF8.GetBytes(Resume), "resume.pdf"));
        Assert.Equal(ResumeImportError.Corrupt, error.Error);
    }

    [Theory]
    [InlineData(new byte[0], "a.txt", ResumeImportError.Empty)]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A }, "photo.png", ResumeImportError.NoTextLayer)]
    [InlineData(new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1 }, "old.doc", ResumeImportError.Unsupported)]
    [InlineData(new byte[] { 0x4D, 0x5A, 0x90, 0x00, 0x03 }, "setup.exe", ResumeImportError.Unsupported)]
    [InlineData(new byte[] { 0x48, 0x69, 0x00, 0x01, 0x02 }, "a.txt", ResumeImportError.Unsupported)]
    [InlineData(new byte[] { 0x01, 0x02, 0x03, 0x04, 0x05, 0x41 }, "a.txt", ResumeImportError.Unsupported)]
    [InlineData(new byte[] { 0x48, 0x69 }, "a.txt", ResumeImportError.Empty)]
    public async Task Bad_files_get_a_specific_error(byte[] content, string name, ResumeImportError expected)
    {
        var error = await Assert.ThrowsAsync<ResumeImportException>(() => importer.ImportAsync(content, name));
        Assert.Equal(expected, error.Error);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    [Fact]
    public async Task Oversized_files_are_refused_before_parsing()
    {
        var small = new ResumeImporter(new ResumeImportOptions { MaxBytes = 100 });
        var error = await Assert.ThrowsAsync<ResumeImportException>(() => small.ImportAsync(new byte[101], "big.pdf"));
        Assert.Equal(ResumeImportError.TooLarge, error.Error);
    }

    [Fact]
    public async Task Zip_bomb_docx_is_refused()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("word/document.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 120; i++) entry.Write(zeros);
        }
        var error = await Assert.ThrowsAsync<ResumeImportException>(() => importer.ImportAsync(stream.ToArray(), "bomb.docx"));
        Assert.Equal(ResumeImportError.Corrupt, error.Error);
        Assert.Contains("rejected", error.Message, StringComparison.Ordinal);
    }
}

internal static class PopplerCheck
{
    private static readonly Lazy<bool> Installed = new(() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Any(dir => File.Exists(Path.Combine(dir, "pdftotext")) && File.Exists(Path.Combine(dir, "pdfinfo"))));

    public static void Require() => Infrastructure.Require(Installed.Value, "poppler-utils (pdftotext, pdfinfo) is not installed; scripts/setup.sh installs it");
}
