using System.Globalization;
using System.Text.RegularExpressions;

namespace Jobsmith.Core.Profiles.Import;

/// <summary>
/// PDF text through poppler: <c>pdfinfo</c> for page count and password protection, then
/// <c>pdftotext -bbox-layout</c>, whose flows and blocks follow reading order (columns one after the other).
/// </summary>
internal sealed partial class PdfTextExtractor(ResumeImportOptions options)
{
    public async Task<ExtractedText> ExtractAsync(byte[] content, CancellationToken cancellationToken)
    {
        var directory = Directory.CreateTempSubdirectory("jobsmith-pdf-");
        try
        {
            var path = Path.Combine(directory.FullName, "resume.pdf");
            await File.WriteAllBytesAsync(path, content, cancellationToken);
            var pages = await CountPagesAsync(path, cancellationToken);
            if (pages > options.MaxPages)
                throw new ResumeImportException(ResumeImportError.TooManyPages,
                    $"The PDF has {pages} pages; resumes of at most {options.MaxPages} pages are accepted.");

            var result = await ExternalTool.RunAsync(options.PdfToTextPath,
                ["-q", "-enc", "UTF-8", "-bbox-layout", "-l", options.MaxPages.ToString(CultureInfo.InvariantCulture), path, "-"],
                options.ToolTimeout, cancellationToken);
            if (result.ExitCode != 0) throw Unreadable(result.StdErr);
            var pageTexts = BboxLayoutReader.ReadPages(result.StdOut, options.MaxXmlDepth);
            // A page drawn with fonts that have no Unicode map reads as symbols: it has no usable text, like a scan,
            // and its junk must not turn into resume facts.
            var text = BboxLayoutReader.ToText(pageTexts.Where(page => !TextLayerCheck.IsGibberish(page)));
            if (text.Count(char.IsLetter) < options.MinTextCharacters)
                throw new ResumeImportException(ResumeImportError.NoTextLayer,
                    "The PDF has no usable text layer (it looks scanned, made of images, or its fonts do not map to text); " +
                    "upload a PDF with selectable text, or a DOCX.");
            return new ExtractedText(ResumeFileKind.Pdf, text, pages);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private async Task<int> CountPagesAsync(string path, CancellationToken cancellationToken)
    {
        var info = await ExternalTool.RunAsync(options.PdfInfoPath, [path], options.ToolTimeout, cancellationToken);
        if (info.ExitCode != 0) throw Unreadable(info.StdErr);
        var match = PagesLine().Match(info.StdOut);
        if (!match.Success || !int.TryParse(match.Groups[1].Value, CultureInfo.InvariantCulture, out var pages))
            throw new ResumeImportException(ResumeImportError.Corrupt, "The PDF is damaged: its page count cannot be read.");
        if (pages == 0) throw new ResumeImportException(ResumeImportError.Empty, "The PDF has no pages.");
        return pages;
    }

    private static ResumeImportException Unreadable(string stderr) =>
        stderr.Contains("password", StringComparison.OrdinalIgnoreCase)
            ? new ResumeImportException(ResumeImportError.Encrypted,
                "The PDF is password-protected; remove the password (print to a new PDF) and upload it again.")
            : new ResumeImportException(ResumeImportError.Corrupt,
                "The PDF is damaged or not a real PDF and cannot be read.");

    [GeneratedRegex(@"^Pages:\s+(\d+)\s*$", RegexOptions.Multiline)]
    private static partial Regex PagesLine();
}
