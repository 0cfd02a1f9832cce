using System.IO.Compression;
using System.Text;

namespace Jobsmith.Core.Skills;

/// <summary>
/// O*NET occupations and their ~56k alternate titles, shipped in Jobsmith.Core (Skills/Data/titles.tsv.gz), with an
/// exact index by normalized title and an idf-weighted token index for titles written differently.
/// </summary>
internal sealed class TitleCatalogue
{
    internal const string ResourceName = "Jobsmith.Core.Skills.Data.titles.tsv.gz";

    private static readonly Lazy<TitleCatalogue> LazyDefault = new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Dictionary<string, string> _occupations = new(StringComparer.Ordinal);
    private readonly List<(string Code, string Title, string[] Words)> _titles = [];
    private readonly Dictionary<string, int> _exact = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> _postings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, double> _idf = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _occupationWords = new(StringComparer.Ordinal);
    private double[] _norms = [];

    public static TitleCatalogue Default => LazyDefault.Value;

    private TitleCatalogue(TextReader reader)
    {
        // Words repeat across the ~60k titles: one string each keeps the index small and the load quick.
        var interned = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length < 2 || line[1] != '\t' || line[0] is not ('O' or 'T')) continue;
            var tab = line.IndexOf('\t', 2);
            var code = line[2..tab];
            var title = line[(tab + 1)..];
            if (line[0] == 'O') _occupations[code] = title;
            // Occupation titles are plural ("Software Developers"); the word stemming makes them match singulars.
            var words = Words(title).Select(w => interned.TryGetValue(w, out var s) ? s : interned[w] = w).ToArray();
            _titles.Add((code, title, words));
        }
        foreach (var (code, occupation) in _occupations)
            _occupationWords[code] = Words(occupation).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < _titles.Count; i++)
        {
            var key = string.Join(' ', _titles[i].Words);
            if (!_exact.TryGetValue(key, out var existing) || Better(i, existing)) _exact[key] = i;
            foreach (var w in _titles[i].Words)
            {
                if (!_postings.TryGetValue(w, out var list)) _postings[w] = list = [];
                if (list.Count == 0 || list[^1] != i) list.Add(i);
            }
        }
        foreach (var (word, list) in _postings) _idf[word] = Math.Log(1 + (double)_titles.Count / list.Count);
        _norms = _titles.Select(t => Math.Sqrt(t.Words.Distinct().Sum(w => Sq(_idf[w])))).ToArray();
    }

    public string? OccupationTitle(string code) => _occupations.GetValueOrDefault(code);

    /// <summary>Lower-cased, abbreviation-expanded, crudely stemmed words of a title.</summary>
    public static IEnumerable<string> Words(string title) =>
        SkillText.Tokenize(title)
            .SelectMany(t => TitleWords.Abbreviations.TryGetValue(t.Norm, out var full) ? full.Split(' ') : [t.Norm])
            .Select(Stem);

    public static string Stem(string word) =>
        word.Length > 3 && word[^1] == 's' && word[^2] != 's' && char.IsLetter(word[^2]) ? word[..^1] : word;

    public (string Code, string Title)? Exact(IReadOnlyList<string> words) =>
        _exact.TryGetValue(string.Join(' ', words), out var i) ? (_titles[i].Code, _titles[i].Title) : null;

    /// <summary>The title sharing the most idf-weighted words with the query (cosine of binary idf vectors).</summary>
    public (string Code, string Title, double Score)? Nearest(IReadOnlyList<string> words)
    {
        var query = words.Distinct().Where(_idf.ContainsKey).ToArray();
        if (query.Length == 0) return null;
        var queryNorm = Math.Sqrt(words.Distinct().Sum(w => Sq(_idf.GetValueOrDefault(w, Math.Log(1 + _titles.Count)))));
        var scores = new Dictionary<int, double>();
        foreach (var w in query)
        {
            foreach (var i in _postings[w]) scores[i] = scores.GetValueOrDefault(i) + Sq(_idf[w]);
        }
        (int Index, double Score) best = (-1, 0);
        foreach (var (i, dot) in scores)
        {
            var score = dot / (_norms[i] * queryNorm);
            if (score > best.Score + 1e-9 || (Math.Abs(score - best.Score) <= 1e-9 && best.Index >= 0 && Better(i, best.Index)))
                best = (i, score);
        }
        return best.Index < 0 ? null : (_titles[best.Index].Code, _titles[best.Index].Title, best.Score);
    }

    // Ties go to the title listed under the occupation whose own name shares more of its words, then the lower code.
    private bool Better(int candidate, int current)
    {
        int Shared(int i) => _occupationWords.TryGetValue(_titles[i].Code, out var words) ? _titles[i].Words.Count(words.Contains) : 0;
        var (a, b) = (Shared(candidate), Shared(current));
        return a != b ? a > b : string.CompareOrdinal(_titles[candidate].Code, _titles[current].Code) < 0;
    }

    private static double Sq(double x) => x * x;

    internal static TitleCatalogue LoadEmbedded()
    {
        using var stream = typeof(TitleCatalogue).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing from Jobsmith.Core");
        using var gz = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new StreamReader(gz, Encoding.UTF8, false, 1 << 16);
        return new TitleCatalogue(reader);
    }
}
