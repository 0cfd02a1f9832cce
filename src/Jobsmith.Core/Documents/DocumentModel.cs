namespace Jobsmith.Core.Documents;

public static class DocumentKinds
{
    public const string Resume = "resume";
    public const string CoverLetter = "cover_letter";
    public const string Answers = "answers";
    public static readonly IReadOnlyList<string> All = [Resume, CoverLetter, Answers];
}

/// <summary>
/// One line of a generated document (E1, E6). <see cref="FactIds"/> are the profile facts (or <c>posting.*</c>
/// evidence such as the employer's name, or <c>bank.*</c> answers the candidate stored) the line rests on; the
/// provenance check reads only those. <see cref="NeedsCandidate"/>, set on form answers only, says why the line was
/// left empty for the candidate to answer (a sensitive question without a stored choice, an unknown question).
/// </summary>
public sealed record DocumentLine(string Section, string Text, IReadOnlyList<string> FactIds, string? NeedsCandidate = null);

/// <summary>A claim in a line that none of the line's cited evidence supports; it blocks approval until fixed.</summary>
public sealed record LineFlag(int Line, string Claim, string Reason);

/// <summary>E5: which of the posting's skills the document covers, and which the profile honestly lacks.</summary>
public sealed record Coverage(IReadOnlyList<string> Covered, IReadOnlyList<string> Missing);

/// <summary>A document as an engine produced it, with the reasons for its choices (E6).</summary>
public sealed record DocumentDraft(string Kind, IReadOnlyList<DocumentLine> Lines, IReadOnlyList<string> Notes);
