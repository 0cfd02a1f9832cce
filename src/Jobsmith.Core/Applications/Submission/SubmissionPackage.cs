using Jobsmith.Core.Documents.Answers;

namespace Jobsmith.Core.Applications.Submission;

public static class SubmissionFileKinds
{
    public const string Resume = "resume";
    public const string CoverLetter = "cover_letter";
}

/// <summary>
/// A file the channel may upload or attach: the rendered bytes of one approved document version. F7: the
/// application and posting it was generated for travel with it, and <see cref="Sha256"/> is of <see cref="Content"/>,
/// so a channel can check before uploading that it is sending this application's file and nothing else.
/// </summary>
public sealed record SubmissionFile(string Kind, string FileName, string ContentType, byte[] Content, Guid DocumentId, int Version,
    Guid ApplicationId, Guid PostingId, string Sha256);

/// <summary>How to reach the candidate, read from their profile facts.</summary>
public sealed record CandidateContact(string Name, string Email, string? Phone, string? Location);

/// <summary>An answer to one form question: the text to type or the option(s) to pick, or the file to upload.</summary>
/// <param name="NeedsCandidate">Set when no honest answer exists (unknown or sensitive without a stored choice): the channel escalates.</param>
public sealed record FieldAnswer(string Question, string? Text, IReadOnlyList<string> Choices, SubmissionFile? File, string? NeedsCandidate);

/// <summary>
/// Answers the questions a channel finds on a form, from the candidate's facts and answer bank only (E4). A channel
/// never invents an answer: a question answered with <see cref="FieldAnswer.NeedsCandidate"/> stops the send.
/// </summary>
public interface IFormAnswerer
{
    IReadOnlyList<FieldAnswer> Answer(IReadOnlyList<FormQuestion> questions);
}

/// <summary>Everything one send may use: who, for which posting, with which files, answers and key.</summary>
/// <param name="ApplyUrl">Where the posting says to apply (a form page), if it says.</param>
/// <param name="ApplyEmail">The address to email, for postings that take applications by email.</param>
/// <param name="DryRun">Fill everything and stop before the final click or send; report <see cref="SubmissionOutcome.NotSent"/>.</param>
public sealed record SubmissionPackage(
    Guid ApplicationId,
    string UserId,
    Guid PostingId,
    string IdempotencyKey,
    string Company,
    string Title,
    Uri? ApplyUrl,
    string? ApplyEmail,
    CandidateContact Candidate,
    IReadOnlyList<SubmissionFile> Files,
    string? CoverLetterText,
    IFormAnswerer Answers,
    bool DryRun = false)
{
    public SubmissionFile? FileOf(string kind) => Files.FirstOrDefault(f => f.Kind == kind);
}
