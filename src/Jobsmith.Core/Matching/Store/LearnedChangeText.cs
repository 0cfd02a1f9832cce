using System.Globalization;
using Jobsmith.Core.Jobs.Display;

namespace Jobsmith.Core.Matching.Store;

/// <summary>A learned change (D5) as a sentence a candidate reads, instead of field names and JSON weights.</summary>
public static class LearnedChangeText
{
    public static string Describe(PreferenceUpdateView update)
    {
        ArgumentNullException.ThrowIfNull(update);
        var because = update.Reason.Length == 0 ? "From your ratings" : $"Because {update.Reason}";
        return update.Field switch
        {
            LearnedFields.Weights => $"{because}, matches now weigh skills, title, location and salary the way your ratings suggest.",
            LearnedFields.ExperienceLevel => $"{because}, we now prefer {Level(update.NewValue)} roles (before: {Level(update.OldValue)}).",
            LearnedFields.RemotePreference => $"{because}, we now prefer {Level(update.NewValue).ToLowerInvariant()} work (before: {Level(update.OldValue).ToLowerInvariant()}).",
            LearnedFields.SalaryMin => $"{because}, your salary floor is now {Money(update.NewValue)} (before: {Money(update.OldValue)}).",
            _ => $"{because}, {update.Field.Replace('_', ' ')} changed to {update.NewValue}.",
        };
    }

    private static string Level(string value) => JobLabels.Of(value) is { Length: > 0 } label ? label : "no preference";

    private static string Money(string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n.ToString("#,0", CultureInfo.InvariantCulture) : "none";
}
