namespace Jobsmith.Core.Skills.Building;

internal sealed record FactSkill(string Name, SkillCategory? Category, IReadOnlyList<CatalogueAlias> Aliases, bool Rename);

/// <summary>
/// The hand-written facts file (Skills/Data/skill-facts.txt): tech aliases ESCO and O*NET lack, soft skills,
/// aliases to drop, and extra ordinary English words. Format, tab-separated:
/// <code>
/// Name    category    alias|alias|...     a skill: merged into the catalogue skill that already owns Name or
///                                         one of the aliases (its display name becomes Name), else a new one;
///                                         category is technical, soft, domain, or - to keep the existing one
/// Name!   category    alias|...           the same, but keep the existing skill's display name
/// !drop   alias|alias                     remove these aliases (by normalized key) from every skill
/// !common word word ...                   ordinary English words: a tool named like one needs exact case and context
/// </code>
/// Alias prefixes: '=' exact case only, '~' only near another technical mention ("=~C").
/// </summary>
internal sealed class SkillFacts
{
    public List<FactSkill> Skills { get; } = [];
    public HashSet<string> Drop { get; } = new(StringComparer.Ordinal);
    public HashSet<string> CommonWords { get; } = new(StringComparer.Ordinal);

    public static SkillFacts Parse(string text)
    {
        var facts = new SkillFacts();
        var lineNo = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNo++;
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line.TrimStart().StartsWith('#')) continue;
            var f = line.Split('\t', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            switch (f[0])
            {
                case "!drop" when f.Length == 2:
                    foreach (var a in f[1].Split('|')) facts.Drop.Add(SkillText.Key(a));
                    break;
                case "!common" when f.Length == 2:
                    foreach (var w in f[1].Split(' ', StringSplitOptions.RemoveEmptyEntries)) facts.CommonWords.Add(w.ToLowerInvariant());
                    break;
                default:
                    if (f.Length is < 2 or > 3 || f[0].StartsWith('!'))
                        throw new FormatException($"skill-facts line {lineNo}: expected 'Name<TAB>category<TAB>aliases': {line}");
                    var rename = !f[0].EndsWith('!');
                    var name = f[0].TrimEnd('!');
                    SkillCategory? category = f[1] switch
                    {
                        "technical" => SkillCategory.Technical,
                        "soft" => SkillCategory.Soft,
                        "domain" => SkillCategory.Domain,
                        "-" => null,
                        _ => throw new FormatException($"skill-facts line {lineNo}: unknown category '{f[1]}'"),
                    };
                    var aliases = f.Length == 3 ? f[2].Split('|').Select(CatalogueAlias.Decode).ToList() : [];
                    facts.Skills.Add(new FactSkill(name, category, aliases, rename));
                    break;
            }
        }
        return facts;
    }
}
