using Jobsmith.Core.Profiles.Preferences;

namespace Jobsmith.Core.Profiles.Store;

public sealed record Readiness(bool Ready, int CompletenessScore, IReadOnlyList<string> Missing);

/// <summary>
/// Whether agents may act for a candidate (A3): they need a profile complete enough to match and tailor from,
/// something to search for, and somewhere to work. <see cref="Readiness.Missing"/> says exactly what to add.
/// </summary>
public sealed class ProfileReadiness(ProfileStore profiles, PreferencesService preferences)
{
    public const int MinimumCompleteness = 60;

    public async Task<Readiness> EvaluateAsync(string userId, CancellationToken cancellationToken)
    {
        var profile = await profiles.GetAsync(userId, cancellationToken);
        var prefs = (await preferences.GetAsync(userId, cancellationToken)).Values;
        return Evaluate(profile, prefs);
    }

    public static Readiness Evaluate(ProfileView profile, PreferenceValues prefs)
    {
        var missing = new List<string>();
        if (profile.CurrentVersionId is null && profile.Facts.Count == 0)
            missing.Add("Upload a resume (PDF, DOCX, TXT, Markdown or JSON Resume).");
        if (profile.CompletenessScore < MinimumCompleteness)
            missing.Add($"Profile completeness is {profile.CompletenessScore}/100 and must reach {MinimumCompleteness}: add {string.Join(", ", profile.Missing)}.");
        if (prefs.Titles.Count == 0) missing.Add("Add at least one target job title.");
        if (prefs.Locations.Count == 0 && prefs.RemotePreference is null or "onsite")
            missing.Add("Add a location you want to work in, or choose remote, hybrid or any.");
        return new Readiness(missing.Count == 0, profile.CompletenessScore, missing);
    }
}
