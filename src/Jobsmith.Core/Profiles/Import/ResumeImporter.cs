using System.Text;

namespace Jobsmith.Core.Profiles.Import;

/// <summary>Turns an uploaded resume (untrusted bytes plus its file name) into text with line structure.</summary>
public sealed class ResumeImporter(ResumeImportOptions options)
{
    public ResumeImporter() : this(new ResumeImportOptions()) { }

    public ResumeImportOptions Options => options;

    public async Task<ExtractedText> ImportAsync(byte[] content, string fileName, CancellationToken cancellationToken = default)
    {
        CheckSize(content);
        var kind = FileKindDetector.Detect(content, fileName);
        var extracted = kind switch
        {
            ResumeFileKind.Pdf => await new PdfTextExtractor(options).ExtractAsync(content, cancellationToken),
            ResumeFileKind.Docx => new DocxTextExtractor(options).Extract(content),
            ResumeFileKind.JsonResume => new ExtractedText(kind, Encoding.UTF8.GetString(content)),
            ResumeFileKind.Markdown => new ExtractedText(kind, PlainTextDecoder.StripMarkdown(PlainTextDecoder.Decode(content))),
            _ => new ExtractedText(kind, PlainTextDecoder.Decode(content)),
        };
        if (kind is ResumeFileKind.PlainText or ResumeFileKind.Markdown && extracted.Text.Count(char.IsLetter) < options.MinTextCharacters)
            throw new ResumeImportException(ResumeImportError.Empty, "The file contains almost no text; it does not look like a resume.");
        return extracted;
    }

    private void CheckSize(byte[] content)
    {
        if (content.Length == 0)
            throw new ResumeImportException(ResumeImportError.Empty, "The file is empty.");
        if (content.Length > options.MaxBytes)
            throw new ResumeImportException(ResumeImportError.TooLarge,
                $"The file is {content.Length / 1024.0 / 1024.0:0.0} MB; the limit is {options.MaxBytes / 1024.0 / 1024.0:0.#} MB.");
    }
}
