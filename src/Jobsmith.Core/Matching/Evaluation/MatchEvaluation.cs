namespace Jobsmith.Core.Matching.Evaluation;

/// <summary>One query's candidates: posting keys and their features (null = removed by a hard filter).</summary>
public sealed record EvaluationQuery(string Id, IReadOnlyList<string> PostingKeys, IReadOnlyList<MatchFeatures?> Features);

/// <summary>Mean metrics over the queries that have both relevant and irrelevant postings.</summary>
public sealed record EvaluationResult(double Auc, double Ndcg10, double Ndcg20, int Queries);

/// <summary>
/// The evaluation harness: scores every labelled query's postings with given weights and averages AUC and
/// NDCG@10/@20. <c>include</c> restricts the postings (for held-out splits); filtered postings rank last.
/// </summary>
public static class MatchEvaluation
{
    public static EvaluationResult Evaluate(IReadOnlyList<EvaluationQuery> queries, LabelledSet labels, MatchWeights weights, Func<string, string, bool>? include = null)
    {
        ArgumentNullException.ThrowIfNull(queries);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(weights);
        var aucs = new List<double>();
        var ndcg10 = new List<double>();
        var ndcg20 = new List<double>();
        foreach (var query in queries)
        {
            var scores = new List<double>();
            var relevance = new List<int>();
            for (var i = 0; i < query.PostingKeys.Count; i++)
            {
                if (include is not null && !include(query.Id, query.PostingKeys[i])) continue;
                scores.Add(query.Features[i] is { } f ? weights.Score(f) : -1);
                relevance.Add(labels.Label(query.Id, query.PostingKeys[i]));
            }
            if (RankingMetrics.Auc(scores, relevance) is not { } auc) continue;
            aucs.Add(auc);
            ndcg10.Add(RankingMetrics.Ndcg(scores, relevance, 10) ?? 0);
            ndcg20.Add(RankingMetrics.Ndcg(scores, relevance, 20) ?? 0);
        }
        return aucs.Count == 0 ? new EvaluationResult(0, 0, 0, 0) : new EvaluationResult(aucs.Average(), ndcg10.Average(), ndcg20.Average(), aucs.Count);
    }

    /// <summary>
    /// Simulated feedback for one query: the top <paramref name="shown"/> postings of the feedback split under
    /// <paramref name="weights"/> get thumbs up when labelled relevant, down otherwise.
    /// </summary>
    public static IReadOnlyList<FeedbackSignal> SimulateFeedback(EvaluationQuery query, LabelledSet labels, MatchWeights weights, Func<string, string, bool> feedbackSplit, int shown = 20)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(feedbackSplit);
        return Enumerable.Range(0, query.PostingKeys.Count)
            .Where(i => query.Features[i] is not null && feedbackSplit(query.Id, query.PostingKeys[i]))
            .OrderByDescending(i => weights.Score(query.Features[i]!.Value)).ThenBy(i => i)
            .Take(shown)
            .Select(i => new FeedbackSignal(query.Features[i]!.Value, labels.Label(query.Id, query.PostingKeys[i]) > 0))
            .ToArray();
    }
}
