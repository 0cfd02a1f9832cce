namespace Jobsmith.Core.Matching;

/// <summary>
/// Ranks postings for one profile (D1-D4): hard filters, hybrid features, the weighted combination, top N
/// with explanations. Excluded postings (already shown, applied or dismissed) are never returned.
/// </summary>
public sealed class Matcher(MatchWeights? weights = null)
{
    public MatchWeights Weights { get; } = weights ?? MatchWeights.Default;

    public MatchOutcome Rank(MatchProfile profile, MatchPreferences preferences, PostingIndex postings, int topN, IEnumerable<string>? exclude = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(preferences);
        ArgumentNullException.ThrowIfNull(postings);
        ArgumentOutOfRangeException.ThrowIfNegative(topN);
        using var query = new MatchQuery(postings, profile, preferences, exclude);
        // A min-heap of the best N so far: one pass, no sort of the whole set.
        var heap = new PriorityQueue<int, (float Score, int Position)>(topN + 1, TopComparer.Instance);
        var filtered = new List<FilteredPosting>();
        var considered = 0;
        for (var i = 0; i < postings.Count; i++)
        {
            if (query.Rejected(i))
            {
                filtered.Add(new FilteredPosting(postings[i], query.Filters.Reject(i)!));
                continue;
            }
            considered++;
            if (topN == 0) continue;
            var score = Weights.Score(query.Features(i), query.SemanticAvailable);
            if (heap.Count < topN) heap.Enqueue(i, (score, i));
            else if (heap.TryPeek(out _, out var worst) && TopComparer.Instance.Compare((score, i), worst) > 0) heap.DequeueEnqueue(i, (score, i));
        }
        var best = new List<(int Position, float Score)>(heap.Count);
        while (heap.TryDequeue(out var position, out var key)) best.Add((position, key.Score));
        best.Reverse();
        var results = best.Select(b => MatchExplainer.Explain(postings, profile, query, b.Position, b.Score)).ToArray();
        return new MatchOutcome(results, filtered, considered);
    }

    /// <summary>Features for every posting (null when filtered), for evaluation and for learning weights offline.</summary>
    public static MatchFeatures?[] Features(MatchProfile profile, MatchPreferences preferences, PostingIndex postings)
    {
        ArgumentNullException.ThrowIfNull(postings);
        using var query = new MatchQuery(postings, profile, preferences, null);
        var features = new MatchFeatures?[postings.Count];
        for (var i = 0; i < features.Length; i++) features[i] = query.Rejected(i) ? null : query.Features(i);
        return features;
    }

    /// <summary>Computes the profile's vector in the index's space (an embedding endpoint when configured), ranks,
    /// then lets the chat model re-order the top K when a re-ranker is given.</summary>
    public async Task<MatchOutcome> RankAsync(MatchProfile profile, MatchPreferences preferences, PostingIndex postings, int topN,
        IEnumerable<string>? exclude = null, LlmReranker? reranker = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(postings);
        if (profile.Vector is null && postings.Dimensions > 0)
            profile = profile with { Vector = await postings.QueryVectorAsync(profile, cancellationToken).ConfigureAwait(false) };
        var outcome = Rank(profile, preferences, postings, topN, exclude);
        if (reranker is null || outcome.Results.Count < 2) return outcome;
        var reranked = await reranker.RerankAsync(profile, outcome.Results, cancellationToken).ConfigureAwait(false);
        return outcome with { Results = reranked };
    }

    /// <summary>Higher score first; ties go to the earlier posting so rankings are deterministic.</summary>
    private sealed class TopComparer : IComparer<(float Score, int Position)>
    {
        public static readonly TopComparer Instance = new();

        public int Compare((float Score, int Position) x, (float Score, int Position) y)
        {
            var byScore = x.Score.CompareTo(y.Score);
            return byScore != 0 ? byScore : y.Position.CompareTo(x.Position);
        }
    }
}
