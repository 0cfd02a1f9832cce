using Jobsmith.Core.Profiles.Preferences;

namespace Jobsmith.Tests.Profiles.Store;

public sealed class PreferencesValidatorTests
{
    private static Dictionary<string, string[]> Check(PreferenceValues v) => PreferencesValidator.Validate(PreferencesValidator.Normalize(v));

    [Fact]
    public void A_full_valid_set_passes() => Assert.Empty(Check(new PreferenceValues
    {
        Titles = ["Backend Engineer"], Locations = ["Berlin"], RemotePreference = "Hybrid", SalaryMin = 70_000, SalaryMax = 90_000,
        SalaryCurrency = "eur", EmploymentTypes = ["full_time"], ExperienceLevel = "senior", CompanySizes = ["51-200"],
        NeedsVisaSponsorship = true, WorkAuthorization = "EU Blue Card", CompaniesToAvoid = ["Initech"],
    }));

    [Fact]
    public void Min_above_max_unknown_enums_bad_currency_and_long_lists_are_each_reported()
    {
        var errors = Check(new PreferenceValues
        {
            SalaryMin = 200, SalaryMax = 100, SalaryCurrency = "XYZ", RemotePreference = "mars", ExperienceLevel = "wizard",
            EmploymentTypes = ["gig"], CompanySizes = ["huge"], Titles = [.. Enumerable.Range(0, 26).Select(i => $"Title {i}")],
        });
        Assert.Equal(["companySizes", "employmentTypes", "experienceLevel", "remotePreference", "salaryCurrency", "salaryMax", "titles"], errors.Keys.Order());
    }

    [Fact]
    public void A_salary_needs_a_currency() => Assert.Contains("salaryCurrency", Check(new PreferenceValues { SalaryMin = 1 }).Keys);

    [Fact]
    public void Normalize_trims_and_dedupes() =>
        Assert.Equal(["Go Developer"], PreferencesValidator.Normalize(new PreferenceValues { Titles = [" Go Developer ", "go developer", " "] }).Titles);
}
