using System.Security.Cryptography;
using Jobsmith.Core.Applications.Submission;

namespace Jobsmith.Channels.BrowserForm;

/// <summary>
/// F7: a file is uploaded only when it was generated for this application and this posting and its bytes are still
/// the ones approved, so a resume tailored for one employer can never reach another.
/// </summary>
internal static class FileCheck
{
    /// <summary>Why the file must not be sent, or null when it is this application's file, unchanged.</summary>
    public static string? Problem(SubmissionFile file, SubmissionPackage package)
    {
        if (file.ApplicationId != package.ApplicationId)
            return $"{file.FileName} was generated for another application, not this one; nothing was uploaded.";
        if (file.PostingId != package.PostingId)
            return $"{file.FileName} was generated for another job posting, not {package.Title} at {package.Company}; nothing was uploaded.";
        var hash = Convert.ToHexStringLower(SHA256.HashData(file.Content));
        if (!hash.Equals(file.Sha256, StringComparison.OrdinalIgnoreCase))
            return $"{file.FileName} is not the approved version (its content changed); nothing was uploaded.";
        return null;
    }
}
