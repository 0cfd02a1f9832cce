using System.Diagnostics;
using System.IO.Compression;
using System.Text;

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

    private SkillsCatalogue(IEnumerable<CatalogueEntry> entries)
    {
        var skills = new List<Skill>(24_000);
        _byId = new Dictionary<string, int>(24_000, StringComparer.Ordinal);
        Trie = new AliasTrie(300_000);
        var tokens = new List<TokenRange>(16);
        foreach (var e in entries)
        {
            var index = skills.Count;
            var aliasTexts = new string[e.Aliases.Count];
            for (var a = 0; a < aliasTexts.Length; a++)
            {
                var alias = e.Aliases[a];
                aliasTexts[a] = alias.Text;
                tokens.Clear();
                SkillText.Scan(alias.Text, tokens);
                if (tokens.Count == 0) continue;
                var exact = (alias.Flags & AliasFlags.ExactCase) != 0;
                Trie.Add(alias.Text, tokens,
                    new AliasEntry(index, alias.Flags, exact ? SkillText.Surface(alias.Text, tokens) : null));
            }
            skills.Add(new Skill(e.Id, e.Name, e.Category, aliasTexts, e.Hot, e.InDemand, e.ToolCategory));
            _byId.Add(e.Id, index);
        }
        _skills = [.. skills];
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
        var (entries, tokens) = Terminal(name);
        return entries is not null && Pick(entries, name, tokens, 0, tokens.Count) is { } e ? _skills[e.Skill] : null;
    }

    /// <summary>
    /// The skill an entry of a skills list names ("Skills: go, docker, c"): like <see cref="Find"/>, but an entry
    /// that is nothing else than a skill name may match an exact-case alias in any case ("go" is Go, "c" is C).
    /// </summary>
    public Skill? FindListed(string entry) =>
        Find(entry) ?? (Terminal(entry).Entries is [var first, ..] ? _skills[first.Skill] : null);

    private (AliasEntry[]? Entries, List<TokenRange> Tokens) Terminal(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var tokens = new List<TokenRange>();
        SkillText.Scan(name, tokens);
        if (tokens.Count == 0) return (null, tokens);
        var node = AliasTrie.Root;
        foreach (var t in tokens)
        {
            if (!Trie.TryStep(node, Trie.TokenId(name, t.Start, t.End), out node)) return (null, tokens);
        }
        return (Trie.Terminal(node), tokens);
    }

    /// <summary>An exact-case entry whose surface the text shows, else the first case-insensitive entry.</summary>
    internal static AliasEntry? Pick(AliasEntry[] entries, string text, List<TokenRange> tokens, int from, int toExclusive)
    {
        AliasEntry? anyCase = null;
        foreach (var e in entries)
        {
            if (!e.ExactCase) anyCase ??= e;
            else if (SkillText.SurfaceEquals(e.Surface!, text, tokens, from, toExclusive)) return e;
        }
        return anyCase;
    }

    internal static SkillsCatalogue FromText(string text)
    {
        using var reader = new StringReader(text);
        return new SkillsCatalogue(CatalogueFormat.Parse(reader));
    }

    internal static SkillsCatalogue FromGzip(Stream gzipped)
    {
        using var gz = new GZipStream(gzipped, CompressionMode.Decompress);
        using var reader = new StreamReader(gz, Encoding.UTF8, false, 1 << 16);
        return new SkillsCatalogue(CatalogueFormat.Parse(reader));
    }

    internal static SkillsCatalogue LoadEmbedded()
    {
        var sw = Stopwatch.StartNew();
        using var stream = typeof(SkillsCatalogue).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing from Jobsmith.Core");
        var catalogue = FromGzip(stream);
        DefaultLoadTime = sw.Elapsed;
        return catalogue;
    }
}
