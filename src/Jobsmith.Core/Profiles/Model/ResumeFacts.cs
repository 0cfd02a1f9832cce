namespace Jobsmith.Core.Profiles.Model;

public sealed record ProfileLink(SourcedText Url)
{
    /// <summary>Social network name when known (JSON Resume profiles), e.g. "GitHub".</summary>
    public string? Network { get; init; }
    public string? Username { get; init; }
}

/// <summary>Structured postal parts, as JSON Resume carries them; text resumes only give a display string.</summary>
public sealed record PostalAddress(string? Address, string? PostalCode, string? City, string? CountryCode, string? Region);

public sealed record ContactInfo(
    SourcedText? Name,
    SourcedText? Email,
    SourcedText? Phone,
    SourcedText? Location,
    IReadOnlyList<ProfileLink> Links)
{
    public static readonly ContactInfo Empty = new(null, null, null, null, []);
    public PostalAddress? Address { get; init; }
    public string? WebsiteUrl { get; init; }
    public string? ImageUrl { get; init; }
}

public sealed record ExperienceEntry(
    SourcedText? Title,
    SourcedText? Company,
    SourcedText? Location,
    PartialDate? Start,
    PartialDate? End,
    bool IsCurrent,
    IReadOnlyList<SourcedText> Bullets,
    SourceSpan Source)
{
    /// <summary>The dates as written ("June 2015 to Present"), with their provenance.</summary>
    public SourcedText? Period { get; init; }
    public string? Url { get; init; }
    public string? Summary { get; init; }
    public string? Description { get; init; }
}

public sealed record EducationEntry(
    SourcedText? Degree,
    SourcedText? Field,
    SourcedText? Institution,
    PartialDate? Start,
    PartialDate? End,
    SourceSpan Source)
{
    /// <summary>The dates or graduation year as written, with their provenance.</summary>
    public SourcedText? Period { get; init; }
    public string? Url { get; init; }
    public string? Score { get; init; }
    public IReadOnlyList<string> Courses { get; init; } = [];
}

/// <summary>
/// A skill phrase exactly as the resume states it, with the skills catalogue's name, category
/// ("technical", "soft", "domain") and id when the catalogue knows it; null for skills it does not.
/// </summary>
public sealed record ProfileSkill(SourcedText Name, string? Canonical = null, string? Category = null)
{
    public string? SkillId { get; init; }

    /// <summary>JSON Resume skill group this keyword belongs to (null for the group itself or a loose skill).</summary>
    public string? Group { get; init; }
    public string? Level { get; init; }
}

public sealed record ProjectEntry(SourcedText Name, SourceSpan Source)
{
    public string? Description { get; init; }
    public IReadOnlyList<string> Highlights { get; init; } = [];
    public IReadOnlyList<string> Keywords { get; init; } = [];
    public IReadOnlyList<string> Roles { get; init; } = [];
    public PartialDate? Start { get; init; }
    public PartialDate? End { get; init; }
    public string? Url { get; init; }
    public string? Entity { get; init; }
    public string? Type { get; init; }
}

public sealed record CertificationEntry(SourcedText Name, SourceSpan Source)
{
    public PartialDate? Date { get; init; }
    public string? Issuer { get; init; }
    public string? Url { get; init; }
}

public sealed record LanguageEntry(SourcedText Language, string? Fluency, SourceSpan Source);
