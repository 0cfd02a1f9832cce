namespace Jobsmith.Core.Matching;

/// <summary>
/// The signals behind a score, each in [0, 1]: BM25 and cosine are scaled by the best allowed posting of the
/// query, the structured fits are absolute.
/// </summary>
public readonly record struct MatchFeatures(float Lexical, float Semantic, float Skills, float Title, float Seniority, float Location, float Salary)
{
    public const int Count = 7;

    public float[] ToArray() => [Lexical, Semantic, Skills, Title, Seniority, Location, Salary];
}

/// <summary>
/// The one explicit, learnable combination: score = 100 · Σ wᵢ fᵢ / Σ wᵢ. Weights are non-negative; when the
/// index has no vectors the semantic weight drops out of the sum rather than dragging every score down.
/// </summary>
public sealed record MatchWeights(float Lexical, float Semantic, float Skills, float Title, float Seniority, float Location, float Salary)
{
    /// <summary>Starting weights: relevance signals first, then skills and title, then the softer fits.</summary>
    public static MatchWeights Default { get; } = new(0.25f, 0.25f, 0.2f, 0.15f, 0.08f, 0.04f, 0.03f);

    public static MatchWeights LexicalOnly { get; } = new(1, 0, 0, 0, 0, 0, 0);

    public static MatchWeights SemanticOnly { get; } = new(0, 1, 0, 0, 0, 0, 0);

    public float[] ToArray() => [Lexical, Semantic, Skills, Title, Seniority, Location, Salary];

    public static MatchWeights FromArray(IReadOnlyList<float> w)
    {
        ArgumentNullException.ThrowIfNull(w);
        if (w.Count != MatchFeatures.Count) throw new ArgumentException($"expected {MatchFeatures.Count} weights", nameof(w));
        return new(w[0], w[1], w[2], w[3], w[4], w[5], w[6]);
    }

    /// <summary>0..100.</summary>
    public float Score(in MatchFeatures f, bool semanticAvailable = true)
    {
        var semantic = semanticAvailable ? Semantic : 0;
        var total = Lexical + semantic + Skills + Title + Seniority + Location + Salary;
        if (total <= 0) return 0;
        var sum = Lexical * f.Lexical + semantic * f.Semantic + Skills * f.Skills + Title * f.Title
                  + Seniority * f.Seniority + Location * f.Location + Salary * f.Salary;
        return 100 * sum / total;
    }
}
