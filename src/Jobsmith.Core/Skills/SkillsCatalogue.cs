using System.Diagnostics;

namespace Jobsmith.Core.Skills;

/// <summary>
/// The skills catalogue shipped inside Jobsmith.Core (ESCO + O*NET + hand-written tech aliases), loaded once on
/// first use. Thread-safe and immutable after load.
/// </summary>
public sealed class SkillsCatalogue
{
    internal const string ResourceName = "Jobsmith.Core.Skills.Data.skills-catalogue.tsv.gz";

    private static readonly Lazy<SkillsCatalogue> LazyDefault = new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Skill[] _skills;
    private readonly Dictionary<string, int> _byId;

    private SkillsCatalogue(List<CatalogueEntry> entries)
    {
        _skills = new Skill[entries.Count];
        _byId = new Dictionary<string, int>(entries.Count, StringComparer.Ordinal);
        Trie = new AliasTrie(entries.Sum(e => e.Aliases.Count) * 2);
        for (var i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            _skills[i] = new Skill(e.Id, e.Name, e.Category, e.Aliases.Select(a => a.Text).ToArray(), e.Hot, e.InDemand, e.ToolCategory);
            _byId.Add(e.Id, i);
            foreach (var alias in e.Aliases)
            {
                var tokens = SkillText.Tokenize(alias.Text);
                if (tokens.Count == 0) continue;
                var exact = (alias.Flags & AliasFlags.ExactCase) != 0;
                Trie.Add(tokens, new AliasEntry(i, alias.Flags, exact ? SkillText.Surface(alias.Text, tokens, 0, tokens.Count) : null));
            }
        }
    }

    /// <summary>The catalogue embedded in Jobsmith.Core.</summary>
    public static SkillsCatalogue Default => LazyDefault.Value;

    /// <summary>How long loading <see cref="Default"/> took (zero until it is loaded).</summary>
    public static TimeSpan DefaultLoadTime { get; private set; }

    internal AliasTrie Trie { get; }

    public IReadOnlyList<Skill> Skills => _skills;

    internal Skill this[int index] => _skills[index];

    public Skill? GetById(string id) => _byId.TryGetValue(id, out var i) ? _skills[i] : null;

    /// <summary>
    /// The skill a name stands for, by any alias, ignoring case and punctuation except where an alias is
    /// ambiguous: "go" is not Go (only "Go" is), "c" is not C. Context rules of the extractor do not apply here:
    /// the whole input is taken as a skill name.
    /// </summary>
    public Skill? Find(string name)
    {
        var tokens = SkillText.Tokenize(name);
        if (tokens.Count == 0) return null;
        var node = AliasTrie.Root;
        foreach (var t in tokens)
        {
            if (!Trie.TryStep(node, t.Norm, out node)) return null;
        }
        var entries = Trie.Terminal(node);
        if (entries is null) return null;
        var index = Pick(entries, () => SkillText.Surface(name, tokens, 0, tokens.Count));
        return index is { } i ? _skills[i.Skill] : null;
    }

    /// <summary>An exact-case entry whose surface the text shows, else the first case-insensitive entry.</summary>
    internal static AliasEntry? Pick(AliasEntry[] entries, Func<string> surface)
    {
        string? text = null;
        AliasEntry? anyCase = null;
        foreach (var e in entries)
        {
            if (!e.ExactCase)
            {
                anyCase ??= e;
                continue;
            }
            text ??= surface();
            if (string.Equals(text, e.Surface, StringComparison.Ordinal)) return e;
        }
        return anyCase;
    }

    internal static SkillsCatalogue FromText(string text)
    {
        using var reader = new StringReader(text);
        return new SkillsCatalogue(CatalogueFormat.Parse(reader));
    }

    internal static SkillsCatalogue LoadEmbedded()
    {
        var sw = Stopwatch.StartNew();
        using var stream = typeof(SkillsCatalogue).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing from Jobsmith.Core");
        var catalogue = FromText(CatalogueFormat.Gunzip(stream));
        DefaultLoadTime = sw.Elapsed;
        return catalogue;
    }
}
