using Jobsmith.Core.Profiles.Store;

namespace Jobsmith.Web.Components.Pages.Onboarding;

public static class OnboardingTitles
{
    public static string Of(string step) => step switch
    {
        OnboardingSteps.Resume => "Resume",
        OnboardingSteps.Review => "Review",
        OnboardingSteps.Goals => "Goals",
        OnboardingSteps.Experience => "Experience",
        OnboardingSteps.Education => "Education",
        OnboardingSteps.WorkHistory => "Work history",
        _ => "Done",
    };
}
