using Jobsmith.Core.Jobs;

namespace Jobsmith.Core.Matching;

/// <summary>
/// What the candidate ruled out (D1). Empty collections mean "no constraint". The salary floor is per year in
/// <see cref="SalaryCurrency"/> and only filters postings that state pay in that currency (or any currency
/// when none is given): a posting that states no pay is kept and explained as such.
/// </summary>
public sealed record MatchPreferences
{
    public static MatchPreferences None { get; } = new();

    public IReadOnlyList<string> Locations { get; init; } = [];
    public bool RemoteOk { get; init; } = true;
    public bool RemoteOnly { get; init; }
    public decimal? SalaryFloor { get; init; }
    public string? SalaryCurrency { get; init; }
    public IReadOnlySet<EmploymentType> EmploymentTypes { get; init; } = new HashSet<EmploymentType>();
    public bool NeedsVisaSponsorship { get; init; }
    public IReadOnlyList<string> AvoidCompanies { get; init; } = [];

    /// <summary>Posting keys (<see cref="JobPosting.Key"/>) already applied to or dismissed.</summary>
    public IReadOnlySet<string> AppliedOrDismissed { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    public bool LocationMatches(string location) =>
        Locations.Any(p => location.Contains(p, StringComparison.OrdinalIgnoreCase) || p.Contains(location, StringComparison.OrdinalIgnoreCase));

    public bool SalaryComparable(SalaryRange? salary) =>
        SalaryFloor is not null && salary is not null
        && (SalaryCurrency is null || string.Equals(salary.Currency, SalaryCurrency, StringComparison.OrdinalIgnoreCase));
}

/// <summary>Why a posting was filtered out.</summary>
public sealed record FilteredPosting(JobPosting Posting, string Reason);
