using Jobsmith.Core.Profiles.Model;

namespace Jobsmith.Core.Profiles.Store;

public static class FactSources
{
    public const string Parsed = "parsed";
    public const string Edited = "edited";
}

/// <summary>
/// One checkable fact of the profile (B2 review). <see cref="Value"/> is what the profile uses now;
/// <see cref="ParsedValue"/> keeps what the resume said, so a correction never erases the evidence.
/// Facts the candidate typed in themselves have source "edited" and no version or span.
/// </summary>
/// <param name="Kind">name, email, phone, location, link, headline, summary, skill, experience.title,
/// experience.company, experience.location, experience.period, experience.bullet, education.degree,
/// education.field, education.institution, education.period, project, certification, language.</param>
/// <param name="Entry">Which experience or education entry (0-based) the fact belongs to, else null.</param>
public sealed record ProfileFact(string Id, string Kind, int? Entry, string Value)
{
    public string? ParsedValue { get; init; }
    public string Source { get; init; } = FactSources.Parsed;
    public Guid? VersionId { get; init; }
    public SourceSpan? Span { get; init; }

    /// <summary>The resume line(s) the fact came from, kept so the review shows it without re-reading the file.</summary>
    public string? SourceText { get; init; }
    public bool Deleted { get; init; }

    /// <summary>Set when the candidate confirmed the fact (accept all in the review); a reviewed fact needs no second look.</summary>
    public bool Reviewed { get; init; }
}
