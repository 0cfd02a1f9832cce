using Jobsmith.Core.Jobs;

namespace Jobsmith.Core.Matching;

/// <summary>
/// D1 for one query over a <see cref="PostingIndex"/>: the preference lists are turned into per-id tables once
/// (companies, distinct location strings, excluded positions), so checking 100k postings is array reads.
/// </summary>
public sealed class HardFilters
{
    private readonly PostingIndex _index;
    private readonly MatchPreferences _preferences;
    private readonly bool[] _companyAvoided;
    private readonly bool[] _locationPreferred;
    private readonly bool[] _excluded;

    public HardFilters(PostingIndex index, MatchPreferences preferences, IEnumerable<string>? alsoExclude = null)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(preferences);
        _index = index;
        _preferences = preferences;
        _companyAvoided = new bool[index.Companies.Count];
        foreach (var company in preferences.AvoidCompanies)
            if (index.Companies.TryGetValue(company.Trim(), out var id)) _companyAvoided[id] = true;
        _locationPreferred = index.LocationNames.Select(preferences.LocationMatches).ToArray();
        _excluded = new bool[index.Count];
        foreach (var key in preferences.AppliedOrDismissed.Concat(alsoExclude ?? []))
            if (index.PositionOf(key) is >= 0 and var position) _excluded[position] = true;
    }

    /// <summary>Null when the posting passes; otherwise the reason in plain words.</summary>
    public string? Reject(int position)
    {
        if (_excluded[position]) return "already applied, dismissed or shown";
        var posting = _index[position];
        if (_companyAvoided[_index.CompanyIds[position]]) return $"{posting.Company} is on your avoid list";
        if (_preferences.RemoteOnly && posting.Remote != RemoteType.Remote) return $"not remote ({Describe(posting.Remote)})";
        if (!LocationAllowed(position)) return $"{string.Join(", ", posting.Locations)} is outside {string.Join(", ", _preferences.Locations)}";
        if (_preferences.EmploymentTypes.Count > 0 && posting.Employment != EmploymentType.Unknown && !_preferences.EmploymentTypes.Contains(posting.Employment))
            return $"{posting.Employment} is not an employment type you want";
        if (_preferences.SalaryComparable(posting.Salary) && _index.Facts(position).AnnualSalaryMax is { } max && max < (double)_preferences.SalaryFloor!.Value)
            return $"pays at most {max:N0} {posting.Salary!.Currency} a year, below your floor of {_preferences.SalaryFloor:N0}";
        if (_preferences.NeedsVisaSponsorship && _index.Facts(position).Sponsorship == SponsorshipStance.Refused)
            return "states it does not sponsor visas";
        return null;
    }

    /// <summary>True when the posting is in a preferred location or is remote and remote is fine.</summary>
    public bool LocationPreferred(int position)
    {
        if (_index[position].Remote == RemoteType.Remote && _preferences.RemoteOk) return true;
        foreach (var id in _index.LocationIds[position])
            if (_locationPreferred[id]) return true;
        return false;
    }

    private bool LocationAllowed(int position) =>
        _preferences.Locations.Count == 0 || _index.LocationIds[position].Length == 0 || LocationPreferred(position);

    private static string Describe(RemoteType remote) => remote switch
    {
        RemoteType.Onsite => "on-site",
        RemoteType.Hybrid => "hybrid",
        _ => "remote status not stated",
    };
}
