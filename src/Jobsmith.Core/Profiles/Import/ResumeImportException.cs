namespace Jobsmith.Core.Profiles.Import;

public enum ResumeImportError
{
    FileNotFound,
    Empty,
    TooLarge,
    TooManyPages,
    Unsupported,
    Corrupt,
    Encrypted,
    NoTextLayer,
    NotJsonResume,
    Timeout,
    ToolMissing,
}

/// <summary>A resume file that cannot be turned into text; <see cref="Exception.Message"/> is shown to the user.</summary>
public sealed class ResumeImportException : Exception
{
    public ResumeImportException(ResumeImportError error, string message, Exception? inner = null)
        : base(message, inner) => Error = error;

    public ResumeImportException() : this(ResumeImportError.Unsupported, "The resume could not be imported.") { }

    public ResumeImportException(string message) : this(ResumeImportError.Unsupported, message) { }

    public ResumeImportException(string message, Exception innerException)
        : this(ResumeImportError.Unsupported, message, innerException) { }

    public ResumeImportError Error { get; }
}
