using System.Security.Cryptography;
using System.Text;
using Jobsmith.Core.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Jobsmith.Core.Documents.Rendering;

/// <summary>
/// The PDFs of approved document versions, printed once and kept in the data folder (E3, F7): the approval prints
/// them, so a send attaches the very bytes made when the candidate approved, does not wait for a browser to start,
/// and a send retried after a crash attaches the same file again. The key is the document, its version, the template
/// and a hash of its lines, so an edited document (a new version) is never served from an old print.
/// </summary>
public sealed class RenderedFiles(IOptions<JobsmithOptions> jobsmith, ILogger<RenderedFiles> logger, IDocumentRenderer? renderer = null)
{
    public const string Folder = "rendered";

    /// <summary>The document's PDF: the kept print when there is one, otherwise printed now and kept.</summary>
    public async Task<RenderedFile> PdfAsync(DocumentView document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var folder = FolderOf(document);
        // One file per key, under the name the renderer gave it (the name the employer sees).
        if (Directory.Exists(folder) && Directory.GetFiles(folder, "*.pdf").FirstOrDefault() is { } kept)
            return new RenderedFile(Path.GetFileName(kept), "application/pdf", await File.ReadAllBytesAsync(kept, cancellationToken));
        if (renderer is null)
            throw new InvalidOperationException("This host cannot print documents: the rendering code (Jobsmith.Rendering) is not registered.");
        var pdf = await renderer.PdfAsync(document, document.Template, cancellationToken);
        await KeepAsync(folder, Path.GetFileName(pdf.FileName), pdf.Content, cancellationToken);
        return pdf;
    }

    /// <summary>
    /// Prints the documents ahead of their send where this host can; a failure only means the send prints them
    /// itself, so it is logged and never fails the caller (an approval).
    /// </summary>
    public async Task WarmAsync(IEnumerable<DocumentView> documents, CancellationToken cancellationToken)
    {
        if (renderer is null) return;
        foreach (var document in documents)
        {
            try
            {
                await PdfAsync(document, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Could not print document {DocumentId} v{Version} ahead of its send; the send will print it", document.Id, document.Version);
            }
        }
    }

    private string FolderOf(DocumentView document)
    {
        var text = new StringBuilder().Append(document.Kind).Append('\n').Append(document.Template).Append('\n');
        foreach (var line in document.Lines) text.Append(line.Section).Append('\t').Append(line.Text).Append('\n');
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16];
        return jobsmith.Value.PathInData(Folder, document.Id.ToString("N"), $"v{document.Version}-{Safe(document.Template)}-{hash}");
    }

    private static string Safe(string template) => new([.. template.Select(c => char.IsAsciiLetterOrDigit(c) || c == '-' ? c : '_')]);

    /// <summary>
    /// Written under a temporary name and moved into place, so a reader never sees half a file; a print made by another
    /// process at the same moment (the same document version) is kept instead of this one.
    /// </summary>
    private static async Task KeepAsync(string folder, string fileName, byte[] content, CancellationToken cancellationToken)
    {
        var parent = Path.GetDirectoryName(folder)!;
        PrivateFiles.CreateDirectory(parent);
        var staging = Path.Combine(parent, $".{Guid.NewGuid():N}.tmp");
        PrivateFiles.CreateDirectory(staging);
        await File.WriteAllBytesAsync(Path.Combine(staging, fileName), content, cancellationToken);
        try
        {
            Directory.Move(staging, folder);
        }
        catch (IOException) when (Directory.Exists(folder))
        {
            Directory.Delete(staging, recursive: true);
        }
    }
}
