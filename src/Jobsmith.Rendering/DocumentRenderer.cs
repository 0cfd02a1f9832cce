using Jobsmith.Core.Documents;
using Jobsmith.Core.Documents.Rendering;
using Jobsmith.Rendering.Docx;
using Jobsmith.Rendering.Layout;
using Jobsmith.Rendering.Pdf;
using Jobsmith.Rendering.Templates;
using Microsoft.Extensions.Options;

namespace Jobsmith.Rendering;

/// <summary>
/// E3: one layout read from the stored lines, printed three ways. HTML comes from the Razor template, the PDF is
/// that same HTML printed by the warm browser (so the preview is what gets downloaded), and the DOCX is written
/// from the layout with Word's own heading and list styles.
/// </summary>
public sealed class DocumentRenderer(PdfBrowser browser, IOptions<RenderingOptions> options, IServiceProvider services) : IDocumentRenderer
{
    public const string PdfType = "application/pdf";
    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private readonly HtmlComposer _html = new(services);

    public IReadOnlyList<string> Templates { get; } = [.. DocumentTemplate.All.Select(t => t.Name)];

    public Task<string> HtmlAsync(DocumentView document, string? template, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return _html.ComposeAsync(DocumentLayout.Read(document), DocumentTemplate.Find(template));
    }

    public async Task<RenderedFile> PdfAsync(DocumentView document, string? template, CancellationToken cancellationToken)
    {
        var html = await HtmlAsync(document, template, cancellationToken);
        return new RenderedFile(FileName(document, "pdf"), PdfType, await browser.PrintAsync(html, cancellationToken));
    }

    public Task<RenderedFile> DocxAsync(DocumentView document, string? template, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var bytes = DocxWriter.Write(DocumentLayout.Read(document), DocumentTemplate.Find(template), options.Value.PaperSize, options.Value.MarginInches);
        return Task.FromResult(new RenderedFile(FileName(document, "docx"), DocxType, bytes));
    }

    /// <summary>"resume-v3.pdf", "cover-letter-v1.docx": the kind and version, never text from the document.</summary>
    public static string FileName(DocumentView document, string extension)
    {
        ArgumentNullException.ThrowIfNull(document);
        var kind = document.Kind switch
        {
            DocumentKinds.CoverLetter => "cover-letter",
            DocumentKinds.Answers => "answers",
            _ => "resume",
        };
        return $"{kind}-v{document.Version}.{extension}";
    }
}
