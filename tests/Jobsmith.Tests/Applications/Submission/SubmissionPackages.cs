using System.Security.Cryptography;
using System.Text;
using Jobsmith.Core.Applications;
using Jobsmith.Core.Applications.Submission;
using Jobsmith.Core.Documents.Answers;

namespace Jobsmith.Tests.Applications.Submission;

/// <summary>Packages as the pipeline builds them: files carrying their application, posting and hash.</summary>
internal static class SubmissionPackages
{
    public static SubmissionPackage For(string applyEmail, string? coverLetterText = "Dear Acme team,\n\nI build payment systems.\n\nJane Doe", bool dryRun = false)
    {
        var application = Guid.NewGuid();
        var posting = Guid.NewGuid();
        return new(application, "user-1", posting, SendGuard.KeyFor(application), "Acme", "Backend Engineer",
            new Uri("https://jobs.acme.test/backend"), applyEmail,
            new CandidateContact("Jane Doe", "jane.doe@candidate.test", "+44 20 7946 0000", "London"),
            [File(SubmissionFileKinds.Resume, "Jane-Doe-resume.pdf", "application/pdf", application, posting),
             File(SubmissionFileKinds.CoverLetter, "Jane-Doe-cover-letter.pdf", "application/pdf", application, posting)],
            coverLetterText, new NoQuestionsAsked(), dryRun);
    }

    public static SubmissionFile File(string kind, string name, string contentType, Guid application, Guid posting)
    {
        // Bytes that no text conversion would leave alone: every byte value, then the file's own name.
        var content = Enumerable.Range(0, 256).Select(b => (byte)b).Concat(Encoding.UTF8.GetBytes(name)).ToArray();
        return new(kind, name, contentType, content, Guid.NewGuid(), 3, application, posting, Convert.ToHexStringLower(SHA256.HashData(content)));
    }

    /// <summary>A unique address at the test server, so tests sharing it each find their own mail.</summary>
    public static string UniqueAddress(string who) => $"{who}-{Guid.NewGuid():N}@employer.test";

    /// <summary>The email and manual channels answer no form questions; being asked one is a bug.</summary>
    private sealed class NoQuestionsAsked : IFormAnswerer
    {
        public IReadOnlyList<FieldAnswer> Answer(IReadOnlyList<FormQuestion> questions) =>
            throw new InvalidOperationException("this channel has no form to answer");
    }
}
