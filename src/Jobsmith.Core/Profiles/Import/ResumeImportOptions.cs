namespace Jobsmith.Core.Profiles.Import;

public sealed record ResumeImportOptions
{
    public const string SectionName = "Jobsmith:ResumeImport";

    public long MaxBytes { get; init; } = 10 * 1024 * 1024;

    /// <summary>All of one candidate's stored resume files together, so repeated uploads cannot fill the disk.</summary>
    public long StorageQuotaBytes { get; init; } = 50 * 1024 * 1024;
    public int MaxPages { get; init; } = 20;
    public TimeSpan ToolTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Caps on a DOCX package, against zip bombs: declared uncompressed total and entry count.</summary>
    public long MaxUncompressedBytes { get; init; } = 100L * 1024 * 1024;
    public int MaxZipEntries { get; init; } = 2000;

    /// <summary>XML nesting beyond this is no real document and could exhaust the stack of a tree builder.</summary>
    public int MaxXmlDepth { get; init; } = 256;

    /// <summary>Fewer letters than this across the document means there is no usable text layer.</summary>
    public int MinTextCharacters { get; init; } = 40;

    public string PdfToTextPath { get; init; } = "pdftotext";
    public string PdfInfoPath { get; init; } = "pdfinfo";
}
