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

/// <summary>
/// A preference shift learned from feedback (D5), e.g. field "experience_level", value "lead". <see cref="UpdateId"/>
/// names the recorded change behind it, so undoing that change takes exactly this entry out of the learned layer.
/// </summary>
public sealed record LearnedAdjustment(string Field, string Value, double Weight, string Reason, DateTime LearnedAt, Guid? UpdateId = null);

/// <summary>
/// What the candidate typed (<see cref="Values"/>, always shown and edited as typed), what feedback learned
/// (<see cref="Learned"/>), and the two combined (<see cref="Effective"/>), which is what matching uses.
/// </summary>
public sealed record PreferencesView(PreferenceValues Values, IReadOnlyList<LearnedAdjustment> Learned, DateTime? UpdatedAt)
{
    public PreferenceValues Effective => LearnedLayer.Overlay(Values, Learned);
}
