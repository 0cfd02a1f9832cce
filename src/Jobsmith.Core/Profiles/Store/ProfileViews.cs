namespace Jobsmith.Core.Profiles.Store;

public sealed record ProfileView(
    IReadOnlyList<ProfileFact> Facts,
    int CompletenessScore,
    IReadOnlyList<string> Missing,
    string? Headline,
    double? YearsOfExperience,
    Guid? CurrentVersionId,
    string OnboardingStep,
    bool OnboardingCompleted,
    DateTime? UpdatedAt);

public sealed record ResumeVersionView(
    Guid Id, int VersionNumber, string OriginalFileName, string ContentType, long SizeBytes, string Sha256,
    DateTime UploadedAt, string Status, string? Error)
{
    public static ResumeVersionView Of(ResumeVersion v) =>
        new(v.Id, v.VersionNumber, v.OriginalFileName, v.ContentType, v.SizeBytes, v.Sha256, v.UploadedAt,
            v.Status.ToString().ToLowerInvariant(), v.Error);
}

/// <summary>One version with what it parsed to (the <c>profile parse --json</c> contract as raw JSON).</summary>
public sealed record ResumeVersionDetail(ResumeVersionView Version, string? ParsedProfileJson);

public sealed record UploadOutcome(ResumeVersionView Version, string? Error)
{
    public bool Parsed => Error is null;
}

public enum FactChangeStatus { Changed, NotFound, Invalid }

public sealed record FactChange(FactChangeStatus Status, ProfileFact? Fact = null, string? Error = null);
