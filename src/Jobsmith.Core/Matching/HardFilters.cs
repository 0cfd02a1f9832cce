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
    private readonly bool _anyLocation;
    private readonly bool _anyEmployment;
    private readonly bool[] _salaryComparable;

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
        _anyLocation = preferences.Locations.Count > 0;
        _anyEmployment = preferences.EmploymentTypes.Count > 0;
        _salaryComparable = preferences.SalaryFloor is null ? [] : Enumerable.Range(0, index.Count).Select(i => preferences.SalaryComparable(index[i].Salary)).ToArray();
        _excluded = new bool[index.Count];
        foreach (var key in preferences.AppliedOrDismissed.Concat(alsoExclude ?? []))
            if (index.PositionOf(key) is >= 0 and var position) _excluded[position] = true;
    }

    private enum Rule { None, Excluded, Company, NotRemote, Location, Employment, Salary, Sponsorship }

    /// <summary>True when the posting passes every filter (no reason text is built: this runs for every posting).</summary>
    public bool Passes(int position) => Check(position) == Rule.None;

    /// <summary>Null when the posting passes; otherwise the reason in plain words.</summary>
    public string? Reject(int position)
    {
        var posting = _index[position];
        return Check(position) switch
        {
            Rule.None => null,
            Rule.Excluded => "already applied, dismissed or shown",
            Rule.Company => $"{posting.Company} is on your avoid list",
            Rule.NotRemote => $"not remote ({Describe(posting.Remote)})",
            Rule.Location => $"{string.Join(", ", posting.Locations)} is outside {string.Join(", ", _preferences.Locations)}",
            Rule.Employment => $"{posting.Employment} is not an employment type you want",
            Rule.Salary => $"pays at most {_index.Facts(position).AnnualSalaryMax:N0} {posting.Salary!.Currency} a year, below your floor of {_preferences.SalaryFloor:N0}",
            _ => "states it does not sponsor visas",
        };
    }

    private Rule Check(int position)
    {
        if (_excluded[position]) return Rule.Excluded;
        if (_companyAvoided[_index.CompanyIds[position]]) return Rule.Company;
        if (_preferences.RemoteOnly && _index.Remote[position] != RemoteType.Remote) return Rule.NotRemote;
        if (_anyLocation && _index.LocationIds[position].Length > 0 && !LocationPreferred(position)) return Rule.Location;
        var employment = _index.Employment[position];
        if (_anyEmployment && employment != EmploymentType.Unknown && !_preferences.EmploymentTypes.Contains(employment)) return Rule.Employment;
        if (_salaryComparable.Length > 0 && _salaryComparable[position] && _index.SalaryMax[position] < (double)_preferences.SalaryFloor!.Value) return Rule.Salary;
        if (_preferences.NeedsVisaSponsorship && _index.Stance[position] == SponsorshipStance.Refused) return Rule.Sponsorship;
        return Rule.None;
    }

    /// <summary>True when the posting is in a preferred location or is remote and remote is fine.</summary>
    public bool LocationPreferred(int position)
    {
        if (_index.Remote[position] == RemoteType.Remote && _preferences.RemoteOk) return true;
        foreach (var id in _index.LocationIds[position])
            if (_locationPreferred[id]) return true;
        return false;
    }

    private static string Describe(RemoteType remote) => remote switch
    {
        RemoteType.Onsite => "on-site",
        RemoteType.Hybrid => "hybrid",
        _ => "remote status not stated",
    };
}
