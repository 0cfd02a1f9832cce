using System.Security.Cryptography;
using System.Text;
using Jobsmith.Core.Documents.Answers;
using Jobsmith.Core.Jobs;
using Jobsmith.Core.Profiles.Model;
using Jobsmith.Core.Profiles.Store;

namespace Jobsmith.Core.Documents;

/// <summary>
/// The three engines run together, with the provenance check and coverage (E1, E2, E4, E5). Shared by
/// <see cref="DocumentService"/> (stored versions) and the CLI's `tailor`, which drafts for a resume file without an
/// account, so both produce the same lines, flags and notes.
/// </summary>
public static class DocumentDrafting
{
    /// <summary>The resume, cover letter and form answers, in the order of <see cref="DocumentKinds.All"/>.</summary>
    public static IReadOnlyList<DocumentDraft> Draft(FactSheet sheet, PostingTarget posting, AnswerBank bank, int seed) =>
    [
        ResumeTailor.Tailor(sheet, posting),
        CoverLetterComposer.Compose(sheet, posting, seed),
        FormAnswerComposer.Compose(sheet, posting, bank),
    ];

    /// <summary>Unstored first versions of the three documents for a posting, each checked against the facts.</summary>
    /// <param name="postingId">The stored posting's id, or null for a posting read from a file.</param>
    public static IReadOnlyList<DocumentView> Compose(IEnumerable<ProfileFact> facts, JobPosting posting, Guid? postingId, DateTime createdAt)
    {
        ArgumentNullException.ThrowIfNull(posting);
        var sheet = new FactSheet(facts);
        var target = new PostingTarget(posting);
        var evidence = sheet.Evidence(target);
        var id = postingId ?? IdOf(posting);
        return [.. Draft(sheet, target, AnswerBank.Empty, Seed("", id)).Select(d => new DocumentView(
            Guid.NewGuid(), id, d.Kind, 1, DocumentService.DeterministicEngine, DocumentService.DefaultTemplate, DocumentStatus.Draft,
            d.Lines, ProvenanceChecker.Check(d.Lines, evidence), ResumeTailor.CoverageOf(d.Lines, target), d.Notes, createdAt, null))];
    }

    /// <summary>A parsed resume's facts as an import would store them, for drafting without an account.</summary>
    public static IReadOnlyList<ProfileFact> FactsOf(ParsedResume resume) => FactExtractor.Extract(resume, Guid.Empty, 1);

    /// <summary>
    /// The phrasing seed, from the candidate and the posting: regenerating gives the same letter unless the facts
    /// changed, while two candidates applying to one posting (or one candidate to two) get different phrasings.
    /// </summary>
    public static int Seed(string candidateKey, Guid postingId) =>
        BitConverter.ToInt32(SHA256.HashData(Encoding.UTF8.GetBytes($"{candidateKey}\n{postingId:N}")), 0);

    // A posting read from a file has no stored id; one derived from its key keeps the letter's phrasing stable per posting.
    private static Guid IdOf(JobPosting posting) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes(posting.Key)).AsSpan(0, 16));
}
