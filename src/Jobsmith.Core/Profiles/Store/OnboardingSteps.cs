namespace Jobsmith.Core.Profiles.Store;

/// <summary>
/// The onboarding wizard's steps in order (A3). The resume comes first, so every later step starts from what it says
/// and only asks for what it lacks.
/// </summary>
public static class OnboardingSteps
{
    public const string Resume = "resume";
    public const string Review = "review";
    public const string Goals = "goals";
    public const string Experience = "experience";
    public const string Education = "education";
    public const string WorkHistory = "work-history";
    public const string Done = "done";

    /// <summary>The first step before the resume moved to the front; profiles saved there resume at the upload.</summary>
    public const string Welcome = "welcome";

    public static readonly IReadOnlyList<string> All = [Resume, Review, Goals, Experience, Education, WorkHistory, Done];

    public static bool IsKnown(string? step) => step is not null && (All.Contains(step) || step == Welcome);

    /// <summary>The step as it is today: the old welcome step is the resume upload.</summary>
    public static string Current(string? step) => step == Welcome || !IsKnown(step) ? Resume : step!;

    public static string Next(string step) => All[Math.Min(All.Count - 1, Index(step) + 1)];

    public static string? Previous(string step) => Index(step) > 0 ? All[Index(step) - 1] : null;

    public static int Index(string step) => All.ToList().IndexOf(Current(step)) is var i and >= 0 ? i : throw new ArgumentOutOfRangeException(nameof(step), step, "unknown onboarding step");
}
