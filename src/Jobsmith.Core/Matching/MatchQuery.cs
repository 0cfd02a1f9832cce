using System.Buffers;
using System.Numerics.Tensors;

namespace Jobsmith.Core.Matching;

/// <summary>
/// One profile against one index: runs the filters, accumulates BM25, cosine and matched-skill counts into
/// pooled arrays (one slot per posting), then reads features per position. Dispose returns the arrays.
/// </summary>
internal sealed class MatchQuery : IDisposable
{
    private readonly PostingIndex _index;
    private readonly MatchProfile _profile;
    private readonly float[] _lexical;
    private readonly float[] _cosine;
    private readonly int[] _matchedSkills;
    private readonly bool[] _rejected;
    private readonly float[] _titleFit;
    private readonly float _lexicalMax;
    private float _cosineMax;
    private readonly bool _locationPreferences;
    private readonly double? _salaryFloor;

    public MatchQuery(PostingIndex index, MatchProfile profile, MatchPreferences preferences, IEnumerable<string>? exclude)
    {
        _index = index;
        _profile = profile;
        Filters = new HardFilters(index, preferences, exclude);
        Preferences = preferences;
        _locationPreferences = preferences.Locations.Count > 0 || preferences.RemoteOnly;
        _salaryFloor = (double?)preferences.SalaryFloor;
        var n = index.Count;
        _lexical = ArrayPool<float>.Shared.Rent(n);
        _cosine = ArrayPool<float>.Shared.Rent(n);
        _matchedSkills = ArrayPool<int>.Shared.Rent(n);
        _rejected = ArrayPool<bool>.Shared.Rent(n);
        Array.Clear(_lexical, 0, n);
        Array.Clear(_cosine, 0, n);
        Array.Clear(_matchedSkills, 0, n);
        LexicalQuery = profile.LexicalQuery(index.Lexical);
        var vector = profile.Vector ?? (index.Dimensions > 0 ? index.QueryVector(profile) : null);
        SemanticAvailable = vector is not null && vector.Length == index.Dimensions;
        // The three scans touch disjoint arrays, so the two cores share them; each is a tight loop over one structure.
        Parallel.Invoke(
            () => index.Lexical.Score(LexicalQuery, _lexical.AsSpan(0, n)),
            () => CountMatchedSkills(index, profile, _matchedSkills),
            () => FilterAndCosine(vector));
        for (var i = 0; i < n; i++)
            if (!_rejected[i]) _lexicalMax = Math.Max(_lexicalMax, _lexical[i]);
        _titleFit = TitleFitTable(index, profile);
    }

    private void FilterAndCosine(float[]? vector)
    {
        var dimensions = _index.Dimensions;
        var vectors = _index.Vectors;
        for (var i = 0; i < _index.Count; i++)
        {
            _rejected[i] = !Filters.Passes(i);
            if (_rejected[i] || !SemanticAvailable) continue;
            _cosine[i] = TensorPrimitives.Dot(vectors.AsSpan(i * dimensions, dimensions), vector);
            _cosineMax = Math.Max(_cosineMax, _cosine[i]);
        }
    }

    private static void CountMatchedSkills(PostingIndex index, MatchProfile profile, int[] matched)
    {
        foreach (var skill in profile.Skills)
            if (index.SkillIds.TryGetValue(skill, out var id))
                foreach (var p in index.SkillPostings[id]) matched[p]++;
    }

    public HardFilters Filters { get; }
    public MatchPreferences Preferences { get; }
    public Dictionary<string, float> LexicalQuery { get; }
    public bool SemanticAvailable { get; }

    public bool Rejected(int position) => _rejected[position];

    public int MatchedSkillCount(int position) => _matchedSkills[position];

    public MatchFeatures Features(int position)
    {
        var occupation = _index.OccupationIds[position];
        // Coverage of what the posting asks for; at least 3 in the denominator so one lucky skill is not "all of it".
        var skills = (float)_matchedSkills[position] / Math.Max(3, _index.SkillCounts[position]);
        return new MatchFeatures(
            _lexicalMax > 0 ? _lexical[position] / _lexicalMax : 0,
            _cosineMax > 0 ? Math.Max(0, _cosine[position]) / _cosineMax : 0,
            Math.Min(1, skills),
            occupation < 0 ? 0.2f : _titleFit[occupation],
            SeniorityFit(_profile.Level, _index.Level[position]),
            LocationFit(position),
            SalaryFit(_index.SalaryMax[position]));
    }

    public void Dispose()
    {
        ArrayPool<float>.Shared.Return(_lexical);
        ArrayPool<float>.Shared.Return(_cosine);
        ArrayPool<int>.Shared.Return(_matchedSkills);
        ArrayPool<bool>.Shared.Return(_rejected);
    }

    /// <summary>Same level 1, each step away costs 0.3; 0.6 when either side states none.</summary>
    public static float SeniorityFit(int profileLevel, int postingLevel) =>
        profileLevel < 0 || postingLevel < 0 ? 0.6f : Math.Max(0, 1 - 0.3f * Math.Abs(profileLevel - postingLevel));

    private float LocationFit(int position)
    {
        if (!_locationPreferences) return 0.5f;
        if (Filters.LocationPreferred(position)) return 1f;
        return _index.LocationIds[position].Length == 0 ? 0.5f : 0.25f;
    }

    private float SalaryFit(float max)
    {
        if (_salaryFloor is not { } floor || float.IsNaN(max)) return 0.5f;
        return floor <= 0 ? 1f : (float)Math.Clamp(0.7 + 0.3 * (max - floor) / (0.3 * floor), 0, 1);
    }

    /// <summary>Per occupation code: same O*NET occupation 1, same minor group 0.6, same major group 0.3, else 0.</summary>
    private static float[] TitleFitTable(PostingIndex index, MatchProfile profile)
    {
        var table = new float[index.Occupations.Count];
        foreach (var (code, id) in index.Occupations)
        {
            foreach (var mine in profile.OccupationCodes)
            {
                var fit = code == mine ? 1f : Prefix(code, mine, 5) ? 0.6f : Prefix(code, mine, 2) ? 0.3f : 0f;
                table[id] = Math.Max(table[id], fit);
            }
        }
        return table;
    }

    private static bool Prefix(string a, string b, int length) =>
        a.Length >= length && b.Length >= length && a.AsSpan(0, length).SequenceEqual(b.AsSpan(0, length));
}
