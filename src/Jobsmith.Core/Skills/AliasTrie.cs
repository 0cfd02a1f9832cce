namespace Jobsmith.Core.Skills;

/// <summary>An alias as the matcher sees it: which skill, how it may match, and for exact-case aliases the
/// surface form the text must show.</summary>
internal readonly record struct AliasEntry(int Skill, AliasFlags Flags, string? Surface)
{
    public bool ExactCase => (Flags & AliasFlags.ExactCase) != 0;
    public bool NeedsContext => (Flags & AliasFlags.NeedsContext) != 0;
}

/// <summary>
/// A trie over normalized (lower-cased) tokens, stored flat: tokens are interned to ids, and one hash map goes from
/// (node, token id) to child node. Matching looks tokens up by span, so extraction allocates no token strings and
/// the ~110k aliases load without a dictionary per node.
/// </summary>
internal sealed class AliasTrie
{
    public const int Root = 0;
    public const int MaxTokenLength = 128;

    private readonly Dictionary<string, int> _vocabulary;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _vocabularyBySpan;
    private readonly Dictionary<long, int> _edges;
    private readonly List<AliasEntry[]?> _terminals;

    public AliasTrie(int capacity)
    {
        _vocabulary = new Dictionary<string, int>(capacity / 2, StringComparer.Ordinal);
        _vocabularyBySpan = _vocabulary.GetAlternateLookup<ReadOnlySpan<char>>();
        _edges = new Dictionary<long, int>(capacity);
        _terminals = new List<AliasEntry[]?>(capacity) { null };
    }

    /// <summary>The id of a lower-cased token, or -1 when no alias uses it.</summary>
    public int TokenId(ReadOnlySpan<char> lowerToken) =>
        _vocabularyBySpan.TryGetValue(lowerToken, out var id) ? id : -1;

    /// <summary>The id of the token <paramref name="text"/>[start..end) lower-cased, or -1.</summary>
    public int TokenId(string text, int start, int end)
    {
        var length = end - start;
        if (length > MaxTokenLength) return -1;
        Span<char> buffer = stackalloc char[length];
        text.AsSpan(start, length).ToLowerInvariant(buffer);
        return TokenId(buffer);
    }

    public void Add(string alias, List<TokenRange> tokens, AliasEntry entry)
    {
        var node = Root;
        Span<char> buffer = stackalloc char[MaxTokenLength];
        foreach (var t in tokens)
        {
            if (t.Length > MaxTokenLength) return;
            var lower = buffer[..t.Length];
            alias.AsSpan(t.Start, t.Length).ToLowerInvariant(lower);
            if (!_vocabularyBySpan.TryGetValue(lower, out var token))
            {
                token = _vocabulary.Count;
                _vocabulary.Add(lower.ToString(), token);
            }
            var key = Edge(node, token);
            if (!_edges.TryGetValue(key, out var child))
            {
                child = _terminals.Count;
                _terminals.Add(null);
                _edges.Add(key, child);
            }
            node = child;
        }
        var existing = _terminals[node];
        _terminals[node] = existing is null ? [entry] : [.. existing, entry];
    }

    public bool TryStep(int node, int token, out int child)
    {
        if (token < 0)
        {
            child = -1;
            return false;
        }
        return _edges.TryGetValue(Edge(node, token), out child);
    }

    public AliasEntry[]? Terminal(int node) => _terminals[node];

    private static long Edge(int node, int token) => ((long)node << 32) | (uint)token;
}
