using Microsoft.AspNetCore.WebUtilities;

namespace Jobsmith.Web.Components.Pages.Onboarding;

/// <summary>
/// What a rejected form posted, handed back in the query string: each field's typed value and its error
/// ("err.{field}"), so the page shows the form again as the candidate left it.
/// </summary>
public sealed class FormEcho(IReadOnlyDictionary<string, string> values)
{
    public static readonly FormEcho None = new(new Dictionary<string, string>());

    public static FormEcho FromUri(string uri)
    {
        var query = new Uri(uri).Query;
        return new(QueryHelpers.ParseQuery(query).ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal));
    }

    public bool HasErrors => values.Keys.Any(k => k.StartsWith("err.", StringComparison.Ordinal));

    /// <summary>The typed value when the form came back, else what the page would show.</summary>
    public string? Value(string field, string? otherwise) => HasErrors && values.TryGetValue(field, out var typed) ? typed : otherwise;

    public bool Checked(string field, bool otherwise) => HasErrors ? values.ContainsKey(field) : otherwise;

    public string? Error(string field) => values.GetValueOrDefault("err." + field);

    /// <summary>Tabler's class for a field with an error.</summary>
    public string Invalid(string field) => Error(field) is null ? "" : "is-invalid";
}
