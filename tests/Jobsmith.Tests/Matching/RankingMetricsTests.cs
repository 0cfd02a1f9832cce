using Jobsmith.Core.Matching;
using Jobsmith.Core.Matching.Evaluation;

namespace Jobsmith.Tests.Matching;

public sealed class RankingMetricsTests
{
    [Fact]
    public void Auc_counts_correctly_ordered_pairs_with_ties_as_half()
    {
        Assert.Equal(1.0, RankingMetrics.Auc([0.9, 0.8, 0.1], [1, 2, 0]));
        Assert.Equal(0.0, RankingMetrics.Auc([0.1, 0.9], [1, 0]));
        // positives 0.8 and 0.5 against negatives 0.6 and 0.5: pairs won 1 + 1 + 0 + 0.5 of 4.
        Assert.Equal(0.625, RankingMetrics.Auc([0.8, 0.5, 0.6, 0.5], [1, 2, 0, 0]));
        Assert.Null(RankingMetrics.Auc([0.3, 0.4], [0, 0]));
    }

    [Fact]
    public void Ndcg_uses_exponential_gain_and_log_discount()
    {
        Assert.Equal(1.0, RankingMetrics.Ndcg([3, 2, 1], [2, 1, 0], 10));
        // Ranking [0, 2] against ideal [2, 0]: (3 / log2 3) / 3.
        Assert.Equal(1 / Math.Log2(3), RankingMetrics.Ndcg([0.9, 0.1], [0, 2], 10)!.Value, 9);
        Assert.Equal(0.0, RankingMetrics.Ndcg([0.9, 0.1], [0, 2], 1));
        Assert.Null(RankingMetrics.Ndcg([0.9], [0], 10));
    }

    [Fact]
    public void Feedback_moves_weight_toward_the_signal_that_separates_ups_from_downs()
    {
        // Skills separate the liked postings; lexical does not.
        MatchFeatures F(float lexical, float skills) => new(lexical, 0.5f, skills, 0.5f, 0.5f, 0.5f, 0.5f);
        var feedback = new FeedbackSignal[] { new(F(0.9f, 0.9f), true), new(F(0.2f, 0.8f), true), new(F(0.9f, 0.1f), false), new(F(0.3f, 0.2f), false) };
        var learned = FeedbackLearner.Update(MatchWeights.Default, feedback);

        Assert.True(learned.Skills > MatchWeights.Default.Skills);
        Assert.Equal(1f, learned.ToArray().Sum(), 3);
        Assert.All(learned.ToArray(), w => Assert.True(w >= 0));
        Assert.Same(MatchWeights.Default, FeedbackLearner.Update(MatchWeights.Default, [new(F(1, 1), true)]));
    }

    [Fact]
    public void Labelled_file_lists_relevant_pairs_and_defaults_the_rest_to_zero()
    {
        var set = LabelledSet.Parse("# rule: title families\nr1\tashby:a\t2\tData Analyst\nr1\tashby:b\t1\tBI Engineer\n");
        Assert.Equal(2, set.Label("r1", "ashby:a"));
        Assert.Equal(1, set.Label("r1", "ashby:b"));
        Assert.Equal(0, set.Label("r1", "ashby:c"));
        Assert.Throws<FormatException>(() => LabelledSet.Parse("r1\tashby:a\t7"));
    }
}
