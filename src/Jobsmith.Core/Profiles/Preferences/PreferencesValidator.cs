using System.Globalization;

namespace Jobsmith.Core.Profiles.Preferences;

/// <summary>Checks preferences before they are stored; errors are keyed by camelCase field name for a 400 ValidationProblem.</summary>
public static class PreferencesValidator
{
    public const int MaxListItems = 25;
    public const int MaxItemLength = 120;

    private static readonly HashSet<string> Currencies = CultureInfo.GetCultures(CultureTypes.SpecificCultures)
        .Select(c => { try { return new RegionInfo(c.Name).ISOCurrencySymbol; } catch (ArgumentException) { return null; } })
        .OfType<string>().ToHashSet(StringComparer.Ordinal);

    public static Dictionary<string, string[]> Validate(PreferenceValues v)
    {
        var errors = new Dictionary<string, List<string>>();
        void Add(string field, string message)
        {
            if (!errors.TryGetValue(field, out var list)) errors[field] = list = [];
            list.Add(message);
        }

        List(v.Titles, "titles", Add);
        List(v.Locations, "locations", Add);
        List(v.Industries, "industries", Add);
        List(v.CompaniesToAvoid, "companiesToAvoid", Add);
        Enum(v.EmploymentTypes, PreferenceVocabulary.EmploymentTypes, "employmentTypes", Add);
        Enum(v.CompanySizes, PreferenceVocabulary.CompanySizes, "companySizes", Add);
        if (v.RemotePreference is not null && !RemotePreferences.All.Contains(v.RemotePreference))
            Add("remotePreference", $"remotePreference must be one of: {string.Join(", ", RemotePreferences.All)}.");
        if (v.ExperienceLevel is not null && !PreferenceVocabulary.ExperienceLevels.Contains(v.ExperienceLevel))
            Add("experienceLevel", $"experienceLevel must be one of: {string.Join(", ", PreferenceVocabulary.ExperienceLevels)}.");
        if (v.SalaryMin < 0) Add("salaryMin", "salaryMin cannot be negative.");
        if (v.SalaryMax < 0) Add("salaryMax", "salaryMax cannot be negative.");
        if (v.SalaryMin is { } min && v.SalaryMax is { } max && min > max) Add("salaryMax", "salaryMax must be at least salaryMin.");
        if ((v.SalaryMin is not null || v.SalaryMax is not null) && v.SalaryCurrency is null)
            Add("salaryCurrency", "Give the salary currency as an ISO 4217 code, e.g. USD or EUR.");
        if (v.SalaryCurrency is not null && !Currencies.Contains(v.SalaryCurrency))
            Add("salaryCurrency", $"'{v.SalaryCurrency}' is not an ISO 4217 currency code (e.g. USD, EUR, INR).");
        if (v.WorkAuthorization is { Length: > 200 }) Add("workAuthorization", "workAuthorization must be at most 200 characters.");
        return errors.ToDictionary(e => e.Key, e => e.Value.ToArray());
    }

    /// <summary>Trims entries, drops blanks and duplicates, upper-cases the currency; applied before validation.</summary>
    public static PreferenceValues Normalize(PreferenceValues v) => v with
    {
        Titles = Clean(v.Titles),
        Locations = Clean(v.Locations),
        Industries = Clean(v.Industries),
        CompaniesToAvoid = Clean(v.CompaniesToAvoid),
        EmploymentTypes = Clean(v.EmploymentTypes).Select(s => s.ToLowerInvariant()).ToList(),
        CompanySizes = Clean(v.CompanySizes),
        RemotePreference = Blank(v.RemotePreference)?.ToLowerInvariant(),
        ExperienceLevel = Blank(v.ExperienceLevel)?.ToLowerInvariant(),
        SalaryCurrency = Blank(v.SalaryCurrency)?.ToUpperInvariant(),
        WorkAuthorization = Blank(v.WorkAuthorization),
    };

    private static List<string> Clean(IReadOnlyList<string>? items) =>
        (items ?? []).Select(i => i?.Trim() ?? "").Where(i => i.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static void List(IReadOnlyList<string> items, string field, Action<string, string> add)
    {
        if (items.Count > MaxListItems) add(field, $"{field} can hold at most {MaxListItems} entries.");
        if (items.Any(i => i.Length > MaxItemLength)) add(field, $"Each entry of {field} must be at most {MaxItemLength} characters.");
    }

    private static void Enum(IReadOnlyList<string> items, IReadOnlyList<string> allowed, string field, Action<string, string> add)
    {
        var unknown = items.Where(i => !allowed.Contains(i)).ToList();
        if (unknown.Count > 0) add(field, $"Unknown {field}: {string.Join(", ", unknown)}. Use: {string.Join(", ", allowed)}.");
    }
}
