namespace Jobsmith.Core.Profiles.Store;

/// <summary>The onboarding wizard's steps in order (A3).</summary>
public static class OnboardingSteps
{
    public const string Welcome = "welcome";
    public const string Goals = "goals";
    public const string Experience = "experience";
    public const string Education = "education";
    public const string WorkHistory = "work-history";
    public const string Resume = "resume";
    public const string Done = "done";

    public static readonly IReadOnlyList<string> All = [Welcome, Goals, Experience, Education, WorkHistory, Resume, Done];

    public static bool IsKnown(string? step) => step is not null && All.Contains(step);

    public static string Next(string step) => All[Math.Min(All.Count - 1, Index(step) + 1)];

    public static string? Previous(string step) => Index(step) > 0 ? All[Index(step) - 1] : null;

    public static int Index(string step) => All.ToList().IndexOf(step) is var i and >= 0 ? i : throw new ArgumentOutOfRangeException(nameof(step), step, "unknown onboarding step");
}
