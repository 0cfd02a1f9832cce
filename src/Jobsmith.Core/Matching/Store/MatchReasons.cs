namespace Jobsmith.Core.Matching.Store;

/// <summary>The reasons behind a score in the shape the CLI, the API and the page share (D2).</summary>
public sealed record MatchReasons(IReadOnlyList<string> Matched, IReadOnlyList<string> Missing, IReadOnlyList<string> Pros, IReadOnlyList<string> Cons)
{
    public static MatchReasons From(MatchResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new MatchReasons(result.MatchedSkills, result.MissingSkills, result.Pros, result.Cons);
    }
}

/// <summary>One ranked posting as `jobsmith match` prints it: the CLI contract's row.</summary>
public sealed record RankedPosting(Guid PostingId, string ExternalId, int Score, MatchReasons Reasons);
