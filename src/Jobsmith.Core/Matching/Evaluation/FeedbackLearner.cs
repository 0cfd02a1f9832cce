namespace Jobsmith.Core.Matching.Evaluation;

/// <summary>One thumbs up or down on a shown posting, with the features it was ranked by.</summary>
public readonly record struct FeedbackSignal(MatchFeatures Features, bool ThumbsUp);

/// <summary>
/// Turns thumbs up/down into new <see cref="MatchWeights"/>: pairwise logistic regression (RankNet) on every
/// (up, down) pair, starting from the current weights, a few passes of gradient steps. Weights stay
/// non-negative (a signal may be switched off, never inverted) and are renormalized to sum to one, so the
/// score stays 0-100 and the change is readable as "skills now count 31% instead of 20%".
/// </summary>
public static class FeedbackLearner
{
    public static MatchWeights Update(MatchWeights current, IReadOnlyList<FeedbackSignal> feedback, float learningRate = 0.5f, int passes = 20)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(feedback);
        var w = current.ToArray();
        var ups = feedback.Where(f => f.ThumbsUp).Select(f => f.Features.ToArray()).ToArray();
        var downs = feedback.Where(f => !f.ThumbsUp).Select(f => f.Features.ToArray()).ToArray();
        if (ups.Length == 0 || downs.Length == 0) return current;
        var pairs = ups.Length * downs.Length;
        for (var pass = 0; pass < passes; pass++)
        {
            var gradient = new float[w.Length];
            foreach (var up in ups)
            {
                foreach (var down in downs)
                {
                    // Scores are on a 0-1 scale here; the factor 10 makes a 0.1 gap a confident preference.
                    var margin = 0f;
                    for (var d = 0; d < w.Length; d++) margin += w[d] * (up[d] - down[d]);
                    var miss = 1f / (1f + MathF.Exp(10 * margin));
                    for (var d = 0; d < w.Length; d++) gradient[d] += miss * (up[d] - down[d]);
                }
            }
            for (var d = 0; d < w.Length; d++) w[d] = Math.Max(0, w[d] + learningRate * gradient[d] / pairs);
            var sum = w.Sum();
            if (sum <= 0) return current;
            for (var d = 0; d < w.Length; d++) w[d] /= sum;
        }
        return MatchWeights.FromArray(w);
    }
}
