using Jobsmith.Core.Jobs.Normalization;

namespace Jobsmith.Core.Jobs.Dedupe;

/// <summary>
/// Place words of a posting's locations. Employers post one role per city with near-identical text
/// (e.g. a Denver and a Toronto opening); those are separate openings, so near-duplicates must share a place
/// word, unless either side names no place at all.
/// </summary>
public static class LocationKey
{
    private static readonly HashSet<string> NotPlaces = new(StringComparer.Ordinal)
    {
        "in", "of", "the", "and", "or", "remote", "hybrid", "onsite", "office", "based", "anywhere", "worldwide", "only", "first",
    };

    public static HashSet<string> Of(IEnumerable<string> locations) =>
        locations.SelectMany(Tokens.Words).Where(w => !NotPlaces.Contains(w)).ToHashSet(StringComparer.Ordinal);

    public static bool Compatible(HashSet<string> a, HashSet<string> b) => a.Count == 0 || b.Count == 0 || a.Overlaps(b);
}
