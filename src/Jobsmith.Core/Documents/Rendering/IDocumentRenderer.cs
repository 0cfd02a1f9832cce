namespace Jobsmith.Core.Documents.Rendering;

/// <summary>A rendered document ready to download: its suggested file name, MIME type and bytes.</summary>
public sealed record RenderedFile(string FileName, string ContentType, byte[] Content);

/// <summary>
/// E3: turns a stored document version into what a candidate previews and downloads. Core defines the contract so
/// use cases, the web host and the CLI all render the same way; the implementation (templates, the browser that
/// prints PDFs, the Open XML writer) lives with the rendering code and is registered by the host.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1716:Identifiers should not match keywords",
    Justification = "'template' reads best here and the hosts that implement or call this are all C#.")]
public interface IDocumentRenderer
{
    /// <summary>The template names a candidate may pick, the default first.</summary>
    IReadOnlyList<string> Templates { get; }

    /// <summary>A self-contained HTML page (inline styles, no scripts) for the in-app preview.</summary>
    Task<string> HtmlAsync(DocumentView document, string? template, CancellationToken cancellationToken);

    /// <summary>A PDF with a real text layer, printed by a reused headless browser.</summary>
    Task<RenderedFile> PdfAsync(DocumentView document, string? template, CancellationToken cancellationToken);

    /// <summary>A Word document with standard headings.</summary>
    Task<RenderedFile> DocxAsync(DocumentView document, string? template, CancellationToken cancellationToken);
}
