namespace Jobsmith.Core.Skills;

/// <summary>
/// Finds skill mentions in any text (resume or posting). Walks the catalogue's token trie from every token and
/// keeps the longest alias that matches there (leftmost-longest, no overlaps), within one phrase: commas, full
/// stops, brackets and line breaks end a match. False-positive rules:
/// <list type="bullet">
/// <item>exact-case aliases ("Go", "C", "Spring") match only in that case, so "go" the verb does not;</item>
/// <item>aliases that need context (single letters, tool names that are ordinary words) count only within
/// <see cref="ContextWindow"/> tokens of another, unambiguous technical mention ("C, C++ and Python");</item>
/// <item>a plural ("APIs") matches its singular alias only when that alias is case-insensitive.</item>
/// </list>
/// Stateless and thread-safe.
/// </summary>
public sealed class SkillExtractor(SkillsCatalogue catalogue)
{
    public const int ContextWindow = 8;

    private static readonly Lazy<SkillExtractor> LazyDefault = new(() => new SkillExtractor(SkillsCatalogue.Default));

    public static SkillExtractor Default => LazyDefault.Value;

    public IReadOnlyList<SkillMention> Extract(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<TokenRange>(text.Length / 5);
        SkillText.Scan(text, tokens);
        var trie = catalogue.Trie;
        var ids = new int[tokens.Count];
        for (var k = 0; k < ids.Length; k++) ids[k] = trie.TokenId(text, tokens[k].Start, tokens[k].End);

        var found = new List<(int First, int Last, AliasEntry Entry)>();
        var i = 0;
        while (i < tokens.Count)
        {
            if (ids[i] >= 0 && LongestAt(text, tokens, ids, i) is { } m)
            {
                found.Add(m);
                i = m.Last + 1;
            }
            else
            {
                i++;
            }
        }

        var mentions = new List<SkillMention>(found.Count);
        foreach (var (first, last, entry) in found)
        {
            if (entry.NeedsContext && !HasContext(found, first, last)) continue;
            var skill = catalogue[entry.Skill];
            var start = tokens[first].Start;
            var end = tokens[last].End;
            mentions.Add(new SkillMention(text[start..end], start, end, skill.Name, skill.Id, skill.Category));
        }
        return mentions;
    }

    private (int First, int Last, AliasEntry Entry)? LongestAt(string text, List<TokenRange> tokens, int[] ids, int first)
    {
        var trie = catalogue.Trie;
        (int, int, AliasEntry)? best = null;
        var node = AliasTrie.Root;
        for (var j = first; j < tokens.Count; j++)
        {
            if (j > first && !SkillText.IsJoiningGap(text, tokens[j - 1].End, tokens[j].Start)) break;
            if (trie.TryStep(node, ids[j], out var child))
            {
                node = child;
                if (trie.Terminal(node) is { } entries && SkillsCatalogue.Pick(entries, text, tokens, first, j + 1) is { } e)
                    best = (first, j, e);
                continue;
            }
            if (IsPlural(text, tokens[j]) && trie.TryStep(node, trie.TokenId(text, tokens[j].Start, tokens[j].End - 1), out child)
                && trie.Terminal(child) is { } singular && Array.FindIndex(singular, e => !e.ExactCase) is var k and >= 0)
                best = (first, j, singular[k]);
            break;
        }
        return best;
    }

    private static bool IsPlural(string text, TokenRange t) =>
        t.Length >= 4 && char.ToLowerInvariant(text[t.End - 1]) == 's'
        && char.ToLowerInvariant(text[t.End - 2]) != 's' && char.IsLetter(text[t.End - 2]);

    private bool HasContext(List<(int First, int Last, AliasEntry Entry)> found, int first, int last)
    {
        foreach (var (f, l, e) in found)
        {
            if (f > last + ContextWindow) break;
            if (e.NeedsContext || l < first - ContextWindow) continue;
            if (catalogue[e.Skill].Category == SkillCategory.Technical) return true;
        }
        return false;
    }
}
