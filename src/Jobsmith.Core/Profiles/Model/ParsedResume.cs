using System.Text.Json.Nodes;
using Jobsmith.Core.Profiles.Import;

namespace Jobsmith.Core.Profiles.Model;

public enum ResumeSectionKind { Header, Summary, Experience, Education, Skills, Projects, Certifications, Languages, Other }

public sealed record ResumeSection(ResumeSectionKind Kind, string Heading, SourceSpan Source);

public sealed record Completeness(int Score, IReadOnlyList<string> Missing);

/// <summary>The structured profile facts of one resume; every fact points back into <see cref="Text"/>.</summary>
public sealed record ParsedResume(
    ExtractedText Text,
    ContactInfo Contact,
    IReadOnlyList<ResumeSection> Sections,
    IReadOnlyList<ExperienceEntry> Experience,
    IReadOnlyList<EducationEntry> Education,
    IReadOnlyList<ProfileSkill> Skills)
{
    public SourcedText? Headline { get; init; }
    public SourcedText? Summary { get; init; }
    public IReadOnlyList<ProjectEntry> Projects { get; init; } = [];
    public IReadOnlyList<CertificationEntry> Certifications { get; init; } = [];
    public IReadOnlyList<LanguageEntry> Languages { get; init; } = [];
    public double TotalYearsOfExperience { get; init; }
    public Completeness Completeness { get; init; } = new(0, []);

    public ResumeMentions Mentions { get; init; } = ResumeMentions.None;

    /// <summary>Set when a language model took part (null for the rule-based analysis alone).</summary>
    public ResumeAiReport? Ai { get; init; }

    /// <summary>JSON Resume sections and top-level keys the profile does not model (volunteer, awards,
    /// publications, interests, references, meta, $schema), kept verbatim so an export loses nothing.</summary>
    public JsonObject? UnmappedJsonResume { get; init; }
}
