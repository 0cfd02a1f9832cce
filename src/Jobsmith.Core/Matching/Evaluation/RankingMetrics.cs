namespace Jobsmith.Core.Matching.Evaluation;

/// <summary>Ranking quality for one query: graded relevance (0, 1, 2) against model scores.</summary>
public static class RankingMetrics
{
    /// <summary>
    /// Probability that a relevant item (label &gt; 0) outscores an irrelevant one, ties counting half
    /// (Mann-Whitney via ranks). Null when the query has no relevant or no irrelevant items.
    /// </summary>
    public static double? Auc(IReadOnlyList<double> scores, IReadOnlyList<int> labels)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(labels);
        var order = Enumerable.Range(0, scores.Count).OrderBy(i => scores[i]).ToArray();
        var ranks = new double[order.Length];
        for (var i = 0; i < order.Length;)
        {
            var j = i;
            while (j + 1 < order.Length && scores[order[j + 1]] == scores[order[i]]) j++;
            for (var k = i; k <= j; k++) ranks[order[k]] = (i + j) / 2.0 + 1;
            i = j + 1;
        }
        double positives = 0, negatives = 0, rankSum = 0;
        for (var i = 0; i < labels.Count; i++)
        {
            if (labels[i] > 0) { positives++; rankSum += ranks[i]; }
            else negatives++;
        }
        if (positives == 0 || negatives == 0) return null;
        return (rankSum - positives * (positives + 1) / 2) / (positives * negatives);
    }

    /// <summary>NDCG@k with gain 2^rel - 1; ties in score keep input order. Null when nothing is relevant.</summary>
    public static double? Ndcg(IReadOnlyList<double> scores, IReadOnlyList<int> labels, int k)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(labels);
        var ranked = Enumerable.Range(0, scores.Count).OrderByDescending(i => scores[i]).ThenBy(i => i).Take(k).Select(i => labels[i]);
        var ideal = labels.OrderByDescending(l => l).Take(k);
        var idcg = Dcg(ideal);
        return idcg <= 0 ? null : Dcg(ranked) / idcg;
    }

    private static double Dcg(IEnumerable<int> labels) =>
        labels.Select((label, i) => (Math.Pow(2, label) - 1) / Math.Log2(i + 2)).Sum();
}
