using System.Security.Cryptography;

namespace Jobsmith.Core.Applications.Submission;

/// <summary>Builds a <see cref="SubmissionFile"/> with the hash of its own bytes, the way a channel checks it before uploading.</summary>
public static class SubmissionFiles
{
    public static SubmissionFile Create(string kind, string fileName, string contentType, byte[] content, Guid documentId, int version, Guid applicationId, Guid postingId)
    {
        ArgumentNullException.ThrowIfNull(content);
        return new SubmissionFile(kind, fileName, contentType, content, documentId, version, applicationId, postingId,
            Convert.ToHexStringLower(SHA256.HashData(content)));
    }
}
