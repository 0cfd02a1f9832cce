using Jobsmith.Core.Profiles.Review;
using Jobsmith.Core.Profiles.Store;

namespace Jobsmith.Core.Profiles.Onboarding;

/// <summary>Career goals as the form shows them: what the candidate saved, else what the resume suggests.</summary>
public sealed record GoalsDraft(string Titles, string Locations, string? Remote, bool Relocate, bool TitlesFromResume, bool LocationsFromResume);

/// <summary>Experience and pay as the form shows them; years and level come from the resume until the candidate sets them.</summary>
public sealed record ExperienceDraft(string? Years, string? Level, string? SalaryMin, string? SalaryMax, string Currency, bool YearsFromResume, bool LevelFromResume);

/// <summary>A job or degree the profile already holds, as one line of a summary card.</summary>
public sealed record EntrySummary(string Title, string? Subtitle, string? Period);

/// <summary>Everything the wizard's pages show, worked out in one place so the pages stay thin.</summary>
public sealed record OnboardingState(
    string Step,
    ProfileView Profile,
    ResumeVersionView? Resume,
    IReadOnlyList<ReviewSection> Review,
    GoalsDraft Goals,
    ExperienceDraft Experience,
    IReadOnlyList<EntrySummary> Jobs,
    IReadOnlyList<EntrySummary> Education,
    Readiness Readiness)
{
    /// <summary>Steps the candidate has passed; the stepper marks them done.</summary>
    public bool IsPassed(string step) => Profile.OnboardingCompleted || OnboardingSteps.Index(step) < OnboardingSteps.Index(Step);
}

/// <summary>What the form posted, as typed: kept whole so a page with errors shows it again.</summary>
public sealed record GoalsInput(string? Titles, string? Locations, string? Remote, bool Relocate);

public sealed record ExperienceInput(string? Years, string? Level, string? SalaryMin, string? SalaryMax, string? Currency);

/// <summary>A typed job (title, company, start, end) or degree (degree, field, institution, end).</summary>
public sealed record EntryInput(string? First, string? Second, string? Third, string? Fourth)
{
    public bool IsEmpty => new[] { First, Second, Third, Fourth }.All(string.IsNullOrWhiteSpace);
}

/// <summary>The step to go to, or the errors keyed by form field name.</summary>
public sealed record StepResult(string Next, IReadOnlyDictionary<string, string> Errors)
{
    public bool Ok => Errors.Count == 0;

    public static StepResult Failed(string step, IReadOnlyDictionary<string, string> errors) => new(step, errors);
}
