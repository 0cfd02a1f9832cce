namespace Jobsmith.Core.Profiles.Model;

/// <summary>
/// Job titles, employers and places the resume names outside the parsed job entries (a headline
/// "Java Developer - Infosys Limited", a role in the summary, an undated job line), each with provenance.
/// Candidates for the person to confirm, not facts of an entry.
/// </summary>
public sealed record ResumeMentions(IReadOnlyList<SourcedText> Titles, IReadOnlyList<SourcedText> Employers, IReadOnlyList<SourcedText> Places)
{
    public static readonly ResumeMentions None = new([], [], []);
}
