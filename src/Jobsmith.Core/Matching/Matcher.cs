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
        // Each core keeps its own top N over a contiguous slice; the slices' winners are merged at the end.
        var slices = Math.Clamp(postings.Count / 20_000, 1, Environment.ProcessorCount);
        var tops = new List<(int Position, float Score)>[slices];
        Parallel.For(0, slices, s => tops[s] = TopOf(query, s * postings.Count / slices, (s + 1) * postings.Count / slices, topN));
        var best = tops.SelectMany(t => t).OrderByDescending(t => t.Score).ThenBy(t => t.Position).Take(topN).ToArray();
        var rejected = Enumerable.Range(0, postings.Count).Where(query.Rejected).ToArray();
        var results = best.Select(b => MatchExplainer.Explain(postings, profile, query, b.Position, b.Score)).ToArray();
        return new MatchOutcome(results, new FilteredList(postings, query.Filters, rejected), postings.Count - rejected.Length);
    }

    private List<(int Position, float Score)> TopOf(MatchQuery query, int from, int to, int topN)
    {
        // A min-heap of the best N so far: one pass, no sort of the slice.
        var heap = new PriorityQueue<int, (float Score, int Position)>(topN + 1, TopComparer.Instance);
        for (var i = from; i < to && topN > 0; i++)
        {
            if (query.Rejected(i)) continue;
            var score = Weights.Score(query.Features(i), query.SemanticAvailable);
            if (heap.Count < topN) heap.Enqueue(i, (score, i));
            else if (heap.TryPeek(out _, out var worst) && TopComparer.Instance.Compare((score, i), worst) > 0) heap.DequeueEnqueue(i, (score, i));
        }
        var top = new List<(int, float)>(heap.Count);
        while (heap.TryDequeue(out var position, out var key)) top.Add((position, key.Score));
        return top;
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

    /// <summary>The filtered postings with their reasons, worded only when read (a run may filter most of 100k postings).</summary>
    private sealed class FilteredList(PostingIndex postings, HardFilters filters, int[] positions) : IReadOnlyList<FilteredPosting>
    {
        public int Count => positions.Length;

        public FilteredPosting this[int index] => new(postings[positions[index]], filters.Reject(positions[index])!);

        public IEnumerator<FilteredPosting> GetEnumerator()
        {
            for (var i = 0; i < positions.Length; i++) yield return this[i];
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
