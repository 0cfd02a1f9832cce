using System.IO.Compression;
using System.Text;

namespace Jobsmith.Core.Profiles.Import;

/// <summary>
/// Decides the file type from its content first (magic bytes), using the extension only to choose
/// between text flavours; a mismatch between the two is reported rather than guessed around.
/// </summary>
internal static class FileKindDetector
{
    public static ResumeFileKind Detect(ReadOnlySpan<byte> content, string fileName)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (IsPdf(content)) return ResumeFileKind.Pdf;
        if (content.StartsWith("PK\x03\x04"u8)) return ZipKind(content.ToArray(), extension);
        if (content.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0]))
            throw Unsupported("This is a legacy Word (.doc) or other OLE file; save it as .docx or PDF.");
        if (content.StartsWith("{\\rtf"u8))
            throw Unsupported("RTF files are not supported; save the resume as .docx, PDF or plain text.");
        if (LooksLikeImage(content))
            throw new ResumeImportException(ResumeImportError.NoTextLayer,
                "This is an image, not a text document; upload a PDF with selectable text, a DOCX or a text file.");
        if (extension is ".pdf" or ".docx")
            throw new ResumeImportException(ResumeImportError.Corrupt,
                $"The file is named {extension} but its content is not a valid {extension[1..].ToUpperInvariant()} document.");
        if (StartsWithJsonObject(content) && extension is ".json" or "" or ".txt")
            return ResumeFileKind.JsonResume;
        if (extension is ".md" or ".markdown") return ResumeFileKind.Markdown;
        if (extension is ".txt" or ".text" or "") return ResumeFileKind.PlainText;
        if (extension == ".json")
            throw new ResumeImportException(ResumeImportError.NotJsonResume, "Invalid JSON Resume: a JSON Resume must be a JSON object.");
        throw Unsupported($"Files of type '{extension}' are not supported; use PDF, DOCX, TXT, Markdown or JSON Resume.");
    }

    // The PDF spec lets the header start anywhere in the first 1024 bytes.
    private static bool IsPdf(ReadOnlySpan<byte> content) =>
        content[..Math.Min(content.Length, 1024)].IndexOf("%PDF-"u8) >= 0;

    private static ResumeFileKind ZipKind(byte[] content, string extension)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content), ZipArchiveMode.Read);
            if (zip.GetEntry("word/document.xml") is not null || zip.GetEntry("[Content_Types].xml") is not null && extension == ".docx")
                return ResumeFileKind.Docx;
        }
        catch (InvalidDataException ex)
        {
            throw new ResumeImportException(ResumeImportError.Corrupt, "The file is a damaged ZIP/DOCX package and cannot be opened.", ex);
        }
        throw Unsupported("This ZIP package is not a Word document (.docx); other archives are not accepted.");
    }

    private static bool LooksLikeImage(ReadOnlySpan<byte> c) =>
        c.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47]) || c.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) || c.StartsWith("GIF8"u8)
        || c.StartsWith("II*\0"u8) || c.StartsWith("MM\0*"u8);

    private static bool StartsWithJsonObject(ReadOnlySpan<byte> content)
    {
        var text = content.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? content[3..] : content;
        foreach (var b in text)
        {
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') continue;
            return b == (byte)'{';
        }
        return false;
    }

    private static ResumeImportException Unsupported(string message) => new(ResumeImportError.Unsupported, message);

    internal static readonly Encoding StrictUtf8 = new UTF8Encoding(false, true);
}
