using System.Security.Cryptography;

namespace Jobsmith.Core.Applications.Submission;

/// <summary>
/// F7: before a channel attaches, uploads or hands over a file, it checks that the file was generated for this
/// application and posting and that its bytes are the approved version's — a resume tailored for one employer must
/// never reach another.
/// </summary>
public static class SubmissionFileCheck
{
    /// <summary>Null when every file of the package is its own; otherwise why not, in plain language.</summary>
    public static string? Problem(SubmissionPackage package)
    {
        ArgumentNullException.ThrowIfNull(package);
        return package.Files.Select(file => Problem(file, package)).FirstOrDefault(problem => problem is not null);
    }

    /// <summary>Null when <paramref name="file"/> is this package's own, unchanged; otherwise why not.</summary>
    public static string? Problem(SubmissionFile file, SubmissionPackage package)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(package);
        if (file.PostingId != package.PostingId)
            return $"The file {file.FileName} was prepared for a different application or job (another job posting, not {package.Title} at {package.Company}), so it was not used and nothing was sent.";
        if (file.ApplicationId != package.ApplicationId)
            return $"The file {file.FileName} was prepared for a different application or job, so it was not used and nothing was sent.";
        if (!string.Equals(Convert.ToHexStringLower(SHA256.HashData(file.Content)), file.Sha256, StringComparison.OrdinalIgnoreCase))
            return $"The file {file.FileName} is not the approved version {file.Version} (its contents changed), so nothing was sent.";
        return null;
    }
}
