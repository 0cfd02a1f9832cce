using System.Globalization;

namespace Jobsmith.Core.Profiles.Preferences;

/// <summary>The preference fields feedback may learn (D5), and how the learned layer lies over the typed values (B3).</summary>
public static class LearnedLayer
{
    public const string ExperienceLevel = "experience_level";
    public const string RemotePreference = "remote_preference";
    public const string SalaryMin = "salary_min";

    /// <summary>
    /// The typed values with each learned field replaced by its newest learned value. Entries without an update id
    /// predate the separate layer (their value was written into the typed values then) and are history only.
    /// </summary>
    public static PreferenceValues Overlay(PreferenceValues typed, IEnumerable<LearnedAdjustment> learned)
    {
        ArgumentNullException.ThrowIfNull(typed);
        ArgumentNullException.ThrowIfNull(learned);
        var effective = typed;
        foreach (var adjustment in learned.Where(a => a.UpdateId is not null).OrderBy(a => a.LearnedAt))
            effective = Apply(effective, adjustment.Field, adjustment.Value);
        return effective;
    }

    /// <summary>One learned value applied to a field; fields this layer does not know (the ranking weights) change nothing.</summary>
    public static PreferenceValues Apply(PreferenceValues values, string field, string value)
    {
        ArgumentNullException.ThrowIfNull(values);
        var text = string.IsNullOrEmpty(value) ? null : value;
        return field switch
        {
            ExperienceLevel => values with { ExperienceLevel = text },
            RemotePreference => values with { RemotePreference = text },
            SalaryMin when text is null => values with { SalaryMin = null },
            SalaryMin => decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var floor)
                ? values with { SalaryMin = floor, SalaryMax = values.SalaryMax < floor ? null : values.SalaryMax }
                : values,
            _ => values,
        };
    }
}
