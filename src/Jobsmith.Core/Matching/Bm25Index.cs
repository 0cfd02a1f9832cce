namespace Jobsmith.Core.Matching;

/// <summary>
/// BM25 over one inverted index built once for all postings. Fields are folded BM25F-style: a title word
/// counts 3, a skill word 2, a description word 1. Each postings list stores the per-document tf part of BM25
/// already saturated and length-normalized, so a query only multiplies by idf and adds. Descriptions are
/// statically pruned to their <see cref="TermsPerDocument"/> highest tf·idf terms (title and skill words always
/// stay): the tail of a long description hardly moves BM25 but would triple the index size.
/// </summary>
public sealed class Bm25Index
{
    public const float K1 = 1.2f;
    public const float B = 0.75f;
    public const int TermsPerDocument = 64;

    private readonly Dictionary<string, (int[] Docs, float[] Weights)> _terms;
    private readonly int _count;

    private Bm25Index(Dictionary<string, (int[] Docs, float[] Weights)> terms, int count)
    {
        _terms = terms;
        _count = count;
    }

    public int DocumentCount => _count;

    public int TermCount => _terms.Count;

    /// <summary>Entries over all postings lists (the index's size driver).</summary>
    public long EntryCount => _terms.Values.Sum(t => (long)t.Docs.Length);

    /// <summary>
    /// Weighted term counts per document (title ×3, skills ×2, text ×1) in; the index out. Documents are produced
    /// twice (document frequencies first, then postings lists) rather than held: 100k term bags would need
    /// gigabytes while the finished lists need tens of megabytes.
    /// </summary>
    public static Bm25Index Build(int count, Func<int, Dictionary<string, float>> document, Func<int, IReadOnlySet<string>> protectedTerms)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(protectedTerms);
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        var lengths = new float[count];
        for (var d = 0; d < count; d++)
        {
            var doc = document(d);
            foreach (var (term, tf) in doc)
            {
                df[term] = df.GetValueOrDefault(term) + 1;
                lengths[d] += tf;
            }
        }
        var averageLength = count == 0 ? 1 : Math.Max(1, lengths.Sum() / count);
        var pruneIdf = df.ToDictionary(p => p.Key, p => Math.Log(1 + (double)count / p.Value), StringComparer.Ordinal);
        var lists = new Dictionary<string, (List<int> Docs, List<float> Weights)>(StringComparer.Ordinal);
        for (var d = 0; d < count; d++)
        {
            var doc = document(d);
            var norm = K1 * (1 - B + B * lengths[d] / averageLength);
            var keep = doc.Count <= TermsPerDocument ? doc : Prune(doc, protectedTerms(d), pruneIdf);
            foreach (var (term, tf) in keep)
            {
                if (!lists.TryGetValue(term, out var list)) lists[term] = list = ([], []);
                list.Docs.Add(d);
                list.Weights.Add((float)(tf * (K1 + 1) / (tf + norm)));
            }
        }
        var terms = new Dictionary<string, (int[], float[])>(lists.Count, StringComparer.Ordinal);
        foreach (var (term, list) in lists) terms[term] = (list.Docs.ToArray(), list.Weights.ToArray());
        return new Bm25Index(terms, count);
    }

    public float Idf(string term) =>
        _terms.TryGetValue(term, out var list) ? (float)Math.Log(1 + (_count - list.Docs.Length + 0.5) / (list.Docs.Length + 0.5)) : 0f;

    /// <summary>Adds BM25 of the weighted query terms into <paramref name="scores"/> (one slot per document).</summary>
    public void Score(IReadOnlyDictionary<string, float> query, Span<float> scores)
    {
        ArgumentNullException.ThrowIfNull(query);
        foreach (var (term, weight) in query)
        {
            if (!_terms.TryGetValue(term, out var list)) continue;
            var factor = Idf(term) * weight;
            var docs = list.Docs;
            var weights = list.Weights;
            for (var i = 0; i < docs.Length; i++) scores[docs[i]] += factor * weights[i];
        }
    }

    /// <summary>The query terms that hit document <paramref name="doc"/>, for explanations.</summary>
    public IEnumerable<string> MatchedTerms(IReadOnlyDictionary<string, float> query, int doc) =>
        query.Keys.Where(t => _terms.TryGetValue(t, out var list) && Array.BinarySearch(list.Docs, doc) >= 0);

    private static Dictionary<string, float> Prune(Dictionary<string, float> doc, IReadOnlySet<string> keep, Dictionary<string, double> idf)
    {
        var pruned = new Dictionary<string, float>(TermsPerDocument + keep.Count, StringComparer.Ordinal);
        foreach (var term in keep)
            if (doc.TryGetValue(term, out var tf)) pruned[term] = tf;
        foreach (var (term, tf) in doc.OrderByDescending(p => p.Value * idf[p.Key]).Take(TermsPerDocument))
            pruned[term] = tf;
        return pruned;
    }
}
