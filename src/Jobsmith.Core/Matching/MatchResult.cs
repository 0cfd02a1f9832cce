using Jobsmith.Core.Jobs;

namespace Jobsmith.Core.Matching;

/// <summary>One ranked posting with its 0-100 score and the reasons shown in the UI, the API and the CLI (D2).</summary>
public sealed record MatchResult(
    JobPosting Posting,
    int Score,
    MatchFeatures Features,
    IReadOnlyList<string> MatchedSkills,
    IReadOnlyList<string> MissingSkills,
    string SeniorityFit,
    string TitleFit,
    string LocationFit,
    string SalaryFit,
    IReadOnlyList<string> Pros,
    IReadOnlyList<string> Cons)
{
    /// <summary>The chat model's reason when an LLM re-rank placed this posting; null otherwise.</summary>
    public string? Rationale { get; init; }
}

/// <summary>A ranking run: the top postings, and every posting the hard filters removed with why.</summary>
public sealed record MatchOutcome(IReadOnlyList<MatchResult> Results, IReadOnlyList<FilteredPosting> Filtered, int Considered);
