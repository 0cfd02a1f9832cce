using System.Numerics.Tensors;

namespace Jobsmith.Core.Matching;

/// <summary>
/// Smooth-inverse-frequency sentence vectors (Arora et al. 2017): the average of word vectors weighted by
/// a / (a + p(w)), so frequent words ("experience", "team") count little and rare ones ("kubernetes") a lot.
/// p(w) comes from the vocabulary's frequency rank under Zipf's law, p(r) = 1 / ((r + 1) H_N), which needs no
/// corpus counts of our own. The common-component removal of the paper is done by the index, which
/// subtracts the corpus mean (see <see cref="PostingIndex"/>).
/// </summary>
public sealed class SifEmbedder(WordVectors vectors, float smoothing = 1e-3f)
{
    private readonly double _harmonic = Math.Log(vectors.Count) + 0.5772156649;

    public WordVectors Vectors => vectors;

    public int Dimensions => vectors.Dimensions;

    /// <summary>Writes the unit-length SIF vector of <paramref name="tokens"/> into <paramref name="destination"/>; false when no token is known.</summary>
    public bool Embed(IReadOnlyList<string> tokens, Span<float> destination)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        destination.Clear();
        var known = 0;
        foreach (var token in tokens)
        {
            var rank = vectors.RankOf(token);
            if (rank < 0) continue;
            var probability = 1.0 / ((rank + 1) * _harmonic);
            vectors.AddScaled(rank, (float)(smoothing / (smoothing + probability)), destination);
            known++;
        }
        if (known == 0) return false;
        var norm = TensorPrimitives.Norm(destination);
        if (norm > 0) TensorPrimitives.Divide(destination, norm, destination);
        return true;
    }

    public float[]? Embed(string text)
    {
        var vector = new float[Dimensions];
        return Embed(MatchText.Tokens(text), vector) ? vector : null;
    }
}
