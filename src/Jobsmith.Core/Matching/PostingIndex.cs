using System.Numerics.Tensors;
using Jobsmith.Core.Jobs;
using Microsoft.Extensions.AI;

namespace Jobsmith.Core.Matching;

/// <summary>
/// Everything ranking needs about a set of postings, computed once at ingest and kept in memory: facts per
/// posting (<see cref="PostingFacts"/>), a BM25 index, unit posting vectors in one contiguous array (row i =
/// posting i) and small lookup tables (company, location) so filters and features are array reads at query
/// time. Vectors are centered on the corpus mean before normalizing: GloVe averages share a large common
/// direction that makes every pair look similar, and removing it is SIF's second step.
/// </summary>
public sealed class PostingIndex
{
    private readonly JobPosting[] _postings;
    private readonly PostingFacts[] _facts;
    private readonly float[] _mean;

    private PostingIndex(JobPosting[] postings, PostingFacts[] facts, float[] vectors, int dimensions, string space, SifEmbedder? sif, IEmbeddingGenerator<string, Embedding<float>>? generator)
    {
        _postings = postings;
        _facts = facts;
        Dimensions = dimensions;
        VectorSpace = space;
        Sif = sif;
        Generator = generator;
        Positions = new Dictionary<string, int>(postings.Length, StringComparer.Ordinal);
        for (var i = 0; i < postings.Length; i++) Positions.TryAdd(postings[i].Key, i);
        Companies = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        CompanyIds = postings.Select(p => Intern(Companies, p.Company.Trim())).ToArray();
        // Flat copies of the fields every query reads for every posting: array reads instead of two object hops.
        Remote = postings.Select(p => p.Remote).ToArray();
        Employment = postings.Select(p => p.Employment).ToArray();
        Level = facts.Select(f => (sbyte)f.Level).ToArray();
        SalaryMax = facts.Select(f => f.AnnualSalaryMax is { } max ? (float)max : float.NaN).ToArray();
        Stance = facts.Select(f => f.Sponsorship).ToArray();
        LocationNames = [];
        var locations = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        LocationIds = postings.Select(p => p.Locations.Select(l => Intern(locations, l.Trim())).ToArray()).ToArray();
        LocationNames = locations.OrderBy(p => p.Value).Select(p => p.Key).ToArray();
        SkillIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var skillLists = new List<List<int>>();
        SkillCounts = new int[postings.Length];
        for (var i = 0; i < facts.Length; i++)
        {
            SkillCounts[i] = facts[i].Skills.Count;
            foreach (var skill in facts[i].Skills)
            {
                var id = Intern(SkillIds, skill);
                if (id == skillLists.Count) skillLists.Add([]);
                skillLists[id].Add(i);
            }
        }
        SkillPostings = skillLists.Select(l => l.ToArray()).ToArray();
        Occupations = new Dictionary<string, int>(StringComparer.Ordinal);
        OccupationIds = facts.Select(f => f.OccupationCode is null ? -1 : Intern(Occupations, f.OccupationCode)).ToArray();
        var bm25Document = Bm25Document(facts);
        Lexical = Bm25Index.Build(postings.Length, i => bm25Document(postings[i], i), i => ProtectedTerms(facts[i]));
        _mean = new float[dimensions];
        Vectors = vectors;
        if (dimensions > 0) Center(vectors, dimensions, _mean);
    }

    public int Count => _postings.Length;

    public JobPosting this[int position] => _postings[position];

    public PostingFacts Facts(int position) => _facts[position];

    /// <summary>"glove-sif", "embeddings" (an IEmbeddingGenerator) or "none" when no vectors were available.</summary>
    public string VectorSpace { get; }

    public int Dimensions { get; }

    public Bm25Index Lexical { get; }

    internal SifEmbedder? Sif { get; }
    internal IEmbeddingGenerator<string, Embedding<float>>? Generator { get; }
    internal float[] Vectors { get; }
    internal Dictionary<string, int> Positions { get; }
    internal Dictionary<string, int> Companies { get; }
    internal int[] CompanyIds { get; }
    internal int[][] LocationIds { get; }
    internal string[] LocationNames { get; }
    internal Dictionary<string, int> SkillIds { get; }
    internal int[][] SkillPostings { get; }
    internal int[] SkillCounts { get; }
    internal Dictionary<string, int> Occupations { get; }
    internal int[] OccupationIds { get; }
    internal RemoteType[] Remote { get; }
    internal EmploymentType[] Employment { get; }
    internal sbyte[] Level { get; }
    internal float[] SalaryMax { get; }
    internal SponsorshipStance[] Stance { get; }

    public int PositionOf(string postingKey) => Positions.TryGetValue(postingKey, out var i) ? i : -1;

    /// <summary>Builds with GloVe SIF vectors when <paramref name="sif"/> is given, else lexical and structured only.</summary>
    public static PostingIndex Build(IReadOnlyList<JobPosting> postings, SifEmbedder? sif = null)
    {
        ArgumentNullException.ThrowIfNull(postings);
        var analysis = new PostingAnalysis();
        var array = postings.ToArray();
        var facts = array.Select(analysis.Analyze).ToArray();
        if (sif is null) return new PostingIndex(array, facts, [], 0, "none", null, null);
        var dimensions = sif.Dimensions;
        var vectors = new float[array.Length * dimensions];
        var memo = new Dictionary<string, float[]?>(StringComparer.Ordinal);
        var part = new float[dimensions];
        for (var i = 0; i < array.Length; i++)
        {
            var row = vectors.AsSpan(i * dimensions, dimensions);
            // Title and description count equally, so a short title is not drowned by a long description.
            foreach (var text in new[] { array[i].Title, array[i].Description.Text })
                if (Memo(memo, sif, text) is { } v) TensorPrimitives.Add(row, v, row);
        }
        return new PostingIndex(array, facts, vectors, dimensions, "glove-sif", sif, null);
    }

    /// <summary>Builds with neural embeddings from a configured endpoint (batched requests).</summary>
    public static async Task<PostingIndex> BuildAsync(IReadOnlyList<JobPosting> postings, IEmbeddingGenerator<string, Embedding<float>> generator, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(postings);
        ArgumentNullException.ThrowIfNull(generator);
        var array = postings.ToArray();
        var analysis = new PostingAnalysis();
        var facts = array.Select(analysis.Analyze).ToArray();
        var embedded = new List<float[]>(array.Length);
        foreach (var chunk in array.Chunk(64))
        {
            var batch = await generator.GenerateAsync(chunk.Select(EmbeddingText), null, cancellationToken).ConfigureAwait(false);
            embedded.AddRange(batch.Select(e => e.Vector.ToArray()));
        }
        var dimensions = embedded.Count == 0 ? 0 : embedded[0].Length;
        var vectors = new float[array.Length * dimensions];
        for (var i = 0; i < embedded.Count; i++) embedded[i].AsSpan(0, dimensions).CopyTo(vectors.AsSpan(i * dimensions));
        return new PostingIndex(array, facts, vectors, dimensions, "embeddings", null, generator);
    }

    /// <summary>The profile's vector in this index's space (centered like the postings); null when there are no vectors.</summary>
    public async Task<float[]?> QueryVectorAsync(MatchProfile profile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (Generator is null) return QueryVector(profile);
        var text = string.Join("; ", profile.Titles) + "\n" + profile.Text.Truncate(4000);
        var result = await Generator.GenerateAsync([text], null, cancellationToken).ConfigureAwait(false);
        return CenterQuery(result[0].Vector.ToArray());
    }

    /// <summary>
    /// The profile's vector for GloVe SIF indexes (synchronous); null for other spaces. Built like a posting's:
    /// the titles and the whole text count equally, so a long resume does not drown what the person does.
    /// </summary>
    public float[]? QueryVector(MatchProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (Sif is null) return null;
        var vector = new float[Dimensions];
        var any = false;
        foreach (var part in new[] { string.Join(" ", profile.Titles), profile.Text })
        {
            if (Sif.Embed(part) is not { } v) continue;
            TensorPrimitives.Add(vector, v, vector);
            any = true;
        }
        return any ? CenterQuery(vector) : null;
    }

    /// <summary>Managed bytes held by the ranking structures (vectors, postings lists, per-posting arrays); excludes the postings themselves.</summary>
    public long ApproximateBytes =>
        (long)Vectors.Length * sizeof(float) + Lexical.EntryCount * (sizeof(int) + sizeof(float))
        + Count * (3L * sizeof(int) + 3 * IntPtr.Size) + SkillPostings.Sum(s => (long)s.Length * sizeof(int));

    internal static string EmbeddingText(JobPosting posting) =>
        posting.Title + "\n" + posting.Description.Text.Truncate(4000);

    private float[]? CenterQuery(float[] vector)
    {
        if (vector.Length != Dimensions || Dimensions == 0) return null;
        TensorPrimitives.Subtract(vector, _mean, vector);
        var norm = TensorPrimitives.Norm(vector);
        if (norm <= 0) return null;
        TensorPrimitives.Divide(vector, norm, vector);
        return vector;
    }

    private static void Center(float[] vectors, int dimensions, float[] mean)
    {
        var rows = vectors.Length / dimensions;
        if (rows == 0) return;
        for (var i = 0; i < rows; i++) TensorPrimitives.Add(mean, vectors.AsSpan(i * dimensions, dimensions), mean);
        TensorPrimitives.Divide(mean, rows, mean);
        for (var i = 0; i < rows; i++)
        {
            var row = vectors.AsSpan(i * dimensions, dimensions);
            TensorPrimitives.Subtract(row, mean, row);
            var norm = TensorPrimitives.Norm(row);
            if (norm > 0) TensorPrimitives.Divide(row, norm, row);
        }
    }

    private static float[]? Memo(Dictionary<string, float[]?> memo, SifEmbedder sif, string text)
    {
        if (!memo.TryGetValue(text, out var vector)) memo[text] = vector = sif.Embed(text);
        return vector;
    }

    private static Func<JobPosting, int, Dictionary<string, float>> Bm25Document(PostingFacts[] facts)
    {
        // Tokenized once per distinct text: re-posted and syndicated postings repeat descriptions.
        var tokens = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        List<string> TokensOf(string text)
        {
            if (!tokens.TryGetValue(text, out var list)) tokens[text] = list = MatchText.Tokens(text);
            return list;
        }
        return (posting, i) =>
        {
            var terms = new Dictionary<string, float>(StringComparer.Ordinal);
            foreach (var t in TokensOf(posting.Title)) terms[t] = terms.GetValueOrDefault(t) + 3;
            foreach (var t in facts[i].Skills.SelectMany(TokensOf)) terms[t] = terms.GetValueOrDefault(t) + 2;
            foreach (var t in TokensOf(posting.Description.Text)) terms[t] = terms.GetValueOrDefault(t) + 1;
            foreach (var t in posting.Requirements.SelectMany(TokensOf)) terms[t] = terms.GetValueOrDefault(t) + 1;
            return terms;
        };
    }

    private static HashSet<string> ProtectedTerms(PostingFacts facts) =>
        new HashSet<string>(MatchText.Tokens(facts.Role).Concat(facts.Skills.SelectMany(MatchText.Tokens)), StringComparer.Ordinal);

    private static int Intern(Dictionary<string, int> table, string value)
    {
        if (!table.TryGetValue(value, out var id)) table[value] = id = table.Count;
        return id;
    }
}
