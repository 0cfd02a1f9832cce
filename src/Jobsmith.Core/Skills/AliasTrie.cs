namespace Jobsmith.Core.Skills;

/// <summary>An alias as the matcher sees it: which skill, how it may match, and for exact-case aliases the
/// surface form the text must show.</summary>
internal readonly record struct AliasEntry(int Skill, AliasFlags Flags, string? Surface)
{
    public bool ExactCase => (Flags & AliasFlags.ExactCase) != 0;
    public bool NeedsContext => (Flags & AliasFlags.NeedsContext) != 0;
}

/// <summary>
/// A trie over normalized tokens, stored flat: one hash map from (node, token) to child node, so the ~130k aliases
/// cost two allocations per node rather than a dictionary each, and the map builds in one pass.
/// </summary>
internal sealed class AliasTrie
{
    private readonly Dictionary<(int Node, string Token), int> _edges;
    private readonly List<AliasEntry[]?> _terminals = [null];

    public AliasTrie(int capacity) => _edges = new Dictionary<(int, string), int>(capacity);

    public const int Root = 0;

    public int NodeCount => _terminals.Count;

    public void Add(IReadOnlyList<SkillToken> tokens, AliasEntry entry)
    {
        var node = Root;
        foreach (var t in tokens)
        {
            if (!_edges.TryGetValue((node, t.Norm), out var child))
            {
                child = _terminals.Count;
                _terminals.Add(null);
                _edges.Add((node, t.Norm), child);
            }
            node = child;
        }
        var existing = _terminals[node];
        _terminals[node] = existing is null ? [entry] : [.. existing, entry];
    }

    public bool TryStep(int node, string token, out int child) => _edges.TryGetValue((node, token), out child);

    public AliasEntry[]? Terminal(int node) => _terminals[node];
}
