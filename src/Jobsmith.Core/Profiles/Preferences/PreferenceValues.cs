namespace Jobsmith.Core.Profiles.Preferences;

public static class RemotePreferences
{
    public static readonly IReadOnlyList<string> All = ["remote", "hybrid", "onsite", "any"];
}

public static class PreferenceVocabulary
{
    public static readonly IReadOnlyList<string> EmploymentTypes = ["full_time", "part_time", "contract", "temporary", "internship", "freelance"];
    public static readonly IReadOnlyList<string> ExperienceLevels = ["intern", "junior", "mid", "senior", "lead", "principal", "executive"];
    public static readonly IReadOnlyList<string> CompanySizes = ["1-10", "11-50", "51-200", "201-1000", "1001-5000", "5001+"];
}

/// <summary>What the candidate says they want (B3). Every list is optional; validation caps sizes and checks enums.</summary>
public sealed record PreferenceValues
{
    public IReadOnlyList<string> Titles { get; init; } = [];
    public IReadOnlyList<string> Locations { get; init; } = [];
    public string? RemotePreference { get; init; }
    public bool WillingToRelocate { get; init; }
    public decimal? SalaryMin { get; init; }
    public decimal? SalaryMax { get; init; }
    public string? SalaryCurrency { get; init; }
    public IReadOnlyList<string> EmploymentTypes { get; init; } = [];
    public string? ExperienceLevel { get; init; }
    public IReadOnlyList<string> Industries { get; init; } = [];
    public IReadOnlyList<string> CompanySizes { get; init; } = [];
    public bool NeedsVisaSponsorship { get; init; }
    public string? WorkAuthorization { get; init; }
    public IReadOnlyList<string> CompaniesToAvoid { get; init; } = [];
}

/// <summary>A preference shift learned from feedback (D5), e.g. field "titles", value "Data Engineer", weight +0.2.</summary>
public sealed record LearnedAdjustment(string Field, string Value, double Weight, string Reason, DateTime LearnedAt);

public sealed record PreferencesView(PreferenceValues Values, IReadOnlyList<LearnedAdjustment> Learned, DateTime? UpdatedAt);
