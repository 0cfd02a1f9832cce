using System.Diagnostics;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Jobsmith.Core.Documents;
using Jobsmith.Core.Documents.Rendering;
using Jobsmith.Core.Profiles.Store;
using Jobsmith.Rendering;
using Jobsmith.Rendering.Pdf;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Jobsmith.Tests.Documents.Rendering;

/// <summary>E3: safe, structured output in every template, screenshots to look at, and one warm browser.</summary>
public sealed class RenderedOutputTests(RenderingFixture fixture) : IClassFixture<RenderingFixture>
{
    private const string Hostile = "<script>alert('x')</script><img src=x onerror=alert(1)> & \"quotes\"";

    private DocumentDraft[] Drafts()
    {
        var (sheet, posting) = fixture.Inputs();
        return [ResumeTailor.Tailor(sheet, posting), CoverLetterComposer.Compose(sheet, posting, 3), FormAnswerComposer.Compose(sheet, posting)];
    }

    private static DocumentView HostileResume()
    {
        var facts = DocumentEngineTests.Facts.Append(new ProfileFact("f90", "experience.bullet", 0, "Shipped " + Hostile)).ToList();
        var sheet = new FactSheet(facts);
        return RenderingFixture.View(ResumeTailor.Tailor(sheet, new PostingTarget(DocumentEngineTests.Posting())));
    }

    [Theory]
    [InlineData("plain")]
    [InlineData("modern")]
    [InlineData("compact")]
    public async Task Untrusted_text_is_printed_as_text_never_as_markup(string template)
    {
        var view = HostileResume();
        Assert.Contains(view.Lines, l => l.Text.Contains("<script>", StringComparison.Ordinal));
        var html = await fixture.Renderer.HtmlAsync(view, template, CancellationToken.None);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Shipped &lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot;", html, StringComparison.Ordinal);
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        // Self-contained: no external stylesheet, script, image or font.
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=\"", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(", html, StringComparison.OrdinalIgnoreCase);
    }

    [SkippableFact]
    public async Task Untrusted_text_reaches_the_pdf_as_literal_text()
    {
        RenderingFixture.RequireChromium();
        RenderingFixture.RequirePoppler("pdftotext");
        var pdf = await fixture.Renderer.PdfAsync(HostileResume(), "plain", CancellationToken.None);
        var text = await Tool("pdftotext", "-layout", await Save(pdf.Content, "hostile.pdf"), "-");
        Assert.Contains("Shipped <script>alert('x')</script><img src=x onerror=alert(1)> & \"quotes\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_word_document_is_valid_with_heading_styles_and_real_list_items()
    {
        var docx = await fixture.Renderer.DocxAsync(HostileResume(), "modern", CancellationToken.None);
        Assert.Equal(DocumentRenderer.DocxType, docx.ContentType);
        Assert.Equal("resume-v1.docx", docx.FileName);
        using var package = WordprocessingDocument.Open(new MemoryStream(docx.Content), false);
        Assert.Empty(new OpenXmlValidator().Validate(package));
        var paragraphs = package.MainDocumentPart!.Document!.Body!.Elements<Paragraph>().ToList();
        string? Style(Paragraph p) => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value;
        Assert.Equal("Ada Stone", Assert.Single(paragraphs, p => Style(p) == "Heading1").InnerText);
        Assert.Equal(["Skills", "Experience", "Education"], paragraphs.Where(p => Style(p) == "Heading2").Select(p => p.InnerText));
        var items = paragraphs.Where(p => p.ParagraphProperties?.NumberingProperties is not null).Select(p => p.InnerText).ToList();
        Assert.Contains("Built a storage engine in Rust that cut query latency by 30%.", items);
        Assert.Contains("Shipped " + Hostile, items);
        Assert.All(items, i => Assert.False(i.StartsWith('•'), "the bullet comes from the list numbering, not from the text"));
        Assert.Contains(paragraphs, p => p.InnerText == "Senior Software Engineer, Ferrite | Mar 2018 – Present");
    }

    [Fact]
    public async Task Answers_print_as_question_and_answer_and_unknown_template_names_are_refused()
    {
        var answers = RenderingFixture.View(Drafts()[2]);
        var html = await fixture.Renderer.HtmlAsync(answers, null, CancellationToken.None);
        Assert.Contains("<p class=\"question\">Email</p><p class=\"answer\">maya.okafor@example.com</p>", html.Replace("\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("Needs your answer", html, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ArgumentException>(() => fixture.Renderer.HtmlAsync(answers, "fancy", CancellationToken.None));
        Assert.Equal(["plain", "modern", "compact"], fixture.Renderer.Templates);
    }

    /// <summary>Every template and document kind printed and rasterised to PNG under TestResults/rendering, for people to look at.</summary>
    [SkippableFact]
    public async Task Screenshots_of_each_template_show_real_text_with_standard_headings()
    {
        RenderingFixture.RequireChromium();
        RenderingFixture.RequirePoppler("pdftoppm");
        var drafts = Drafts();
        foreach (var template in fixture.Renderer.Templates)
            foreach (var draft in drafts)
            {
                var view = RenderingFixture.View(draft);
                var pdf = await fixture.Renderer.PdfAsync(view, template, CancellationToken.None);
                Assert.Equal(DocumentRenderer.PdfType, pdf.ContentType);
                var name = $"{template}-{draft.Kind}";
                var path = await Save(pdf.Content, name + ".pdf");
                await File.WriteAllTextAsync(RenderingFixture.OutputPath(name + ".html"), await fixture.Renderer.HtmlAsync(view, template, CancellationToken.None));
                await File.WriteAllBytesAsync(RenderingFixture.OutputPath(name + ".docx"), (await fixture.Renderer.DocxAsync(view, template, CancellationToken.None)).Content);
                await Tool("pdftoppm", "-png", "-r", "80", path, RenderingFixture.OutputPath(name));
                Assert.True(File.Exists(RenderingFixture.OutputPath(name + "-1.png")), $"no screenshot for {name}");
                var text = await Tool("pdftotext", "-layout", path, "-");
                if (draft.Kind == DocumentKinds.Resume)
                {
                    // One page, real text, the headings an applicant tracking system looks for.
                    Assert.False(File.Exists(RenderingFixture.OutputPath(name + "-2.png")), $"{name} runs past one page");
                    foreach (var heading in new[] { "Maya Okafor", "Summary", "Skills", "Experience", "Education" })
                        Assert.Contains(heading, text, StringComparison.OrdinalIgnoreCase);
                    Assert.Contains("Senior Software Engineer, Ledgerline", text, StringComparison.Ordinal);
                }
                foreach (var line in draft.Lines.Where(l => l.Text.Length is > 0 and < 40))
                    Assert.Contains(line.Text.TrimStart('•', ' '), text, StringComparison.Ordinal);
            }
    }

    [SkippableFact]
    public async Task One_browser_serves_every_pdf_and_a_dead_one_is_replaced()
    {
        RenderingFixture.RequireChromium();
        var options = Options.Create(new RenderingOptions { PaperSize = "A4" });
        await using var browser = new PdfBrowser(options, NullLogger<PdfBrowser>.Instance);
        var renderer = new DocumentRenderer(browser, options, new ServiceCollection().BuildServiceProvider());
        var view = RenderingFixture.View(Drafts()[0]);
        var pdfs = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => renderer.PdfAsync(view, "compact", CancellationToken.None)));
        Assert.All(pdfs, p => Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(p.Content, 0, 5), StringComparison.Ordinal));
        Assert.Equal(1, browser.Launches);

        await browser.CrashForTestAsync();
        var again = await renderer.PdfAsync(view, "compact", CancellationToken.None);
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(again.Content, 0, 5), StringComparison.Ordinal);
        Assert.Equal(2, browser.Launches);
        if (File.Exists("/usr/bin/pdfinfo"))
            Assert.Contains("595.", await Tool("pdfinfo", await Save(again.Content, "a4.pdf")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_chromium_the_error_says_how_to_install_it()
    {
        var options = Options.Create(new RenderingOptions { ChromiumPath = "/nonexistent/chromium" });
        await using var browser = new PdfBrowser(options, NullLogger<PdfBrowser>.Instance);
        var renderer = new DocumentRenderer(browser, options, new ServiceCollection().BuildServiceProvider());
        var error = await Assert.ThrowsAsync<BrowserUnavailableException>(() => renderer.PdfAsync(RenderingFixture.View(Drafts()[0]), null, CancellationToken.None));
        Assert.Contains("/nonexistent/chromium", error.Message, StringComparison.Ordinal);
        Assert.Contains("scripts/setup.sh", error.Message, StringComparison.Ordinal);
        // The other formats do not need a browser.
        Assert.NotEmpty((await renderer.DocxAsync(RenderingFixture.View(Drafts()[0]), null, CancellationToken.None)).Content);
    }

    [Fact]
    public async Task AddDocumentRendering_registers_one_renderer_and_validates_its_options()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Rendering:PaperSize"] = "A4" }).Build());
        services.AddDocumentRendering();
        await using (var provider = services.BuildServiceProvider())
        {
            Assert.Same(provider.GetRequiredService<IDocumentRenderer>(), provider.GetRequiredService<IDocumentRenderer>());
            Assert.Equal("A4", provider.GetRequiredService<IOptions<RenderingOptions>>().Value.PaperSize);
        }
        var bad = new ServiceCollection();
        bad.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Rendering:PaperSize"] = "Legal" }).Build());
        bad.AddDocumentRendering();
        await using var badProvider = bad.BuildServiceProvider();
        Assert.Throws<OptionsValidationException>(() => badProvider.GetRequiredService<IOptions<RenderingOptions>>().Value);
    }

    private static async Task<string> Save(byte[] content, string name)
    {
        var path = RenderingFixture.OutputPath(name);
        await File.WriteAllBytesAsync(path, content);
        return path;
    }

    private static async Task<string> Tool(string name, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(name, args) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{name} failed: {await process.StandardError.ReadToEndAsync()}");
        return output;
    }
}
