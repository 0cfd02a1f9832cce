using System.Text.Json;
using Jobsmith.Core.Jobs;
using Jobsmith.Core.Profiles.Preferences;

namespace Jobsmith.Core.Matching.Store;

/// <summary>Maps a candidate's stored preferences and learned changes onto what the matcher takes.</summary>
public static class CandidateMatchInputs
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The hard filters (D1) from the preference form's values.</summary>
    public static MatchPreferences Preferences(PreferenceValues values, IReadOnlySet<string> appliedOrDismissed)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new MatchPreferences
        {
            Locations = values.Locations,
            // "remote" rules out on-site and hybrid jobs; "onsite" rules out remote ones; hybrid and any leave both.
            RemoteOnly = values.RemotePreference == "remote",
            RemoteOk = values.RemotePreference != "onsite",
            SalaryFloor = values.SalaryMin,
            SalaryCurrency = values.SalaryCurrency,
            EmploymentTypes = values.EmploymentTypes.Select(EmploymentOf).OfType<EmploymentType>().ToHashSet(),
            NeedsVisaSponsorship = values.NeedsVisaSponsorship,
            AvoidCompanies = values.CompaniesToAvoid,
            AppliedOrDismissed = appliedOrDismissed,
        };
    }

    /// <summary>
    /// The matcher's view of a stored profile. Stored skill facts are entries of a skills list with no text around
    /// them, so each is looked up in the catalogue as a listed name: the extractor's context rules would otherwise
    /// drop ambiguous names such as "Rust" or "Go" and report skills the candidate has as missing.
    /// </summary>
    public static MatchProfile FromStoredResume(Profiles.Model.ParsedResume resume)
    {
        ArgumentNullException.ThrowIfNull(resume);
        var profile = MatchProfile.FromResume(resume);
        var listed = resume.Skills.Select(s => Skills.SkillsCatalogue.Default.FindListed(s.Name.Value)?.Name).OfType<string>();
        return profile with { Skills = new SortedSet<string>(profile.Skills.Concat(listed), StringComparer.Ordinal) };
    }

    /// <summary>The stated experience level overrides the one read from the resume, so too_junior/too_senior feedback moves ranking.</summary>
    public static MatchProfile WithLevel(MatchProfile profile, string? experienceLevel)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var level = LevelOf(experienceLevel);
        return level == Levels.Unknown ? profile : profile with { Level = level };
    }

    /// <summary>The preference vocabulary's levels in order; the index is the matcher's level number.</summary>
    public static int LevelOf(string? experienceLevel) =>
        experienceLevel is null ? Levels.Unknown : PreferenceVocabulary.ExperienceLevels.ToList().IndexOf(experienceLevel) is var i and >= 0 ? i : Levels.Unknown;

    public static string LevelName(int level) =>
        PreferenceVocabulary.ExperienceLevels[Math.Clamp(level, 0, PreferenceVocabulary.ExperienceLevels.Count - 1)];

    public static string WeightsJson(MatchWeights weights) => JsonSerializer.Serialize(weights, Json);

    public static MatchWeights ReadWeights(string json) => JsonSerializer.Deserialize<MatchWeights>(json, Json) ?? MatchWeights.Default;

    private static EmploymentType? EmploymentOf(string wire) => wire switch
    {
        "full_time" => EmploymentType.FullTime,
        "part_time" => EmploymentType.PartTime,
        "contract" => EmploymentType.Contract,
        "temporary" => EmploymentType.Temporary,
        "internship" => EmploymentType.Internship,
        "freelance" => EmploymentType.Freelance,
        _ => null,
    };
}
