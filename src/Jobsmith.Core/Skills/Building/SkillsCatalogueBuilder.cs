namespace Jobsmith.Core.Skills.Building;

/// <summary>
/// Derives the shipped catalogue (Skills/Data/skills-catalogue.tsv.gz) from the shared ESCO and O*NET files plus
/// the hand-written facts. Run by <c>scripts/build-skills-catalogue.sh</c>; a test checks the committed file equals
/// what this produces. Deterministic: same inputs, same text.
/// </summary>
internal sealed class SkillsCatalogueBuilder
{
    // Lower wins when two skills claim one alias.
    private const int FactPriority = 0;
    private const int LabelPriority = 1;
    private const int DerivedPriority = 2;
    private const int AltLabelPriority = 3;

    private const int MaxAliasTokens = 6;
    private const int MaxLabelTokens = 8;

    private readonly List<DraftSkill> _skills = [];
    private readonly List<AliasCandidate> _candidates = [];
    private readonly Dictionary<string, int> _escoByLabelKey = new(StringComparer.Ordinal);
    private HashSet<string> _commonWords = new(StringComparer.Ordinal);

    public static string Build(string sharedDataRoot, string factsText)
    {
        var skillsDir = Path.Combine(sharedDataRoot, "skills");
        return new SkillsCatalogueBuilder().Run(
            SourceReaders.ReadEsco(Path.Combine(skillsDir, "esco_skills_en.csv")),
            SourceReaders.ReadOnetTools(Path.Combine(skillsDir, "onet_technology_skills.tsv")),
            SourceReaders.ReadOnetDescriptions(Path.Combine(sharedDataRoot, "titles", "onet_occupations.tsv")),
            SkillFacts.Parse(factsText));
    }

    internal string Run(List<EscoRow> esco, List<OnetTool> tools, IEnumerable<string> prose, SkillFacts facts)
    {
        _commonWords = CommonWords(esco, prose, facts);
        foreach (var row in esco) AddEsco(row);
        var vendors = OnetNames.VendorPrefixes(tools);
        foreach (var tool in tools) AddOnet(tool, vendors);
        foreach (var fact in facts.Skills) AddFact(fact);
        var aliases = AliasResolver.Resolve(_skills, _candidates, facts.Drop, _commonWords);
        var ids = SkillIds.Assign(_skills);
        var entries = _skills
            .Select((s, i) => new CatalogueEntry(ids[i], s.Name, s.Category, s.Hot, s.InDemand, s.ToolCategory, aliases[i]))
            .OrderBy(e => e.Id, StringComparer.Ordinal);
        return CatalogueFormat.ToText(entries);
    }

    /// <summary>Ordinary English words: those ESCO's non-technical labels and O*NET's occupation descriptions use
    /// in lower case, plus the facts' list.</summary>
    private static HashSet<string> CommonWords(List<EscoRow> esco, IEnumerable<string> prose, SkillFacts facts)
    {
        var words = new HashSet<string>(facts.CommonWords, StringComparer.Ordinal);
        foreach (var text in prose)
        {
            foreach (var t in SkillText.Tokenize(text))
            {
                if (t.Norm.Length > 1 && text[t.Start..t.End].All(char.IsLower)) words.Add(t.Norm);
            }
        }
        foreach (var row in esco)
        {
            if (CatalogueRules.EscoCategory(row) == SkillCategory.Technical) continue;
            foreach (var label in row.AltLabels.Prepend(row.PreferredLabel))
            {
                foreach (var word in label.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    if (word.Length > 1 && word.All(char.IsLower)) words.Add(word);
                }
            }
        }
        return words;
    }

    private int NewSkill(DraftSkill skill)
    {
        _skills.Add(skill);
        return _skills.Count - 1;
    }

    private void Candidate(int skill, string surface, int priority, AliasFlags? forced = null)
    {
        var key = SkillText.Key(surface);
        if (key.Length == 0 || !key.Any(char.IsLetter)) return;
        if (priority != FactPriority && CatalogueRules.IsFragment(key)) return;
        _candidates.Add(new AliasCandidate(skill, surface.Trim().Replace('|', '/').Replace('\t', ' '), SkillText.Surface(surface), key, priority, forced));
    }

    private void AddEsco(EscoRow row)
    {
        var label = row.PreferredLabel;
        var stripped = CatalogueRules.StripParenthetical(label);
        var index = NewSkill(new DraftSkill("esco", label, label, CatalogueRules.EscoCategory(row)));
        if (TokenCount(label) <= MaxLabelTokens) Candidate(index, label, LabelPriority);
        if (stripped is not null) Candidate(index, stripped, LabelPriority);
        _escoByLabelKey.TryAdd(SkillText.Key(stripped ?? label), index);
        _escoByLabelKey.TryAdd(SkillText.Key(label), index);
        foreach (var alt in row.AltLabels)
        {
            var tokens = TokenCount(alt);
            if (tokens == 0 || tokens > MaxAliasTokens) continue;
            if (tokens == 1 && !CatalogueRules.KeepSingleWordAlt(alt, label, _commonWords)) continue;
            Candidate(index, alt, tokens == 1 && alt.Any(char.IsUpper) ? DerivedPriority : AltLabelPriority);
        }
    }

    private void AddOnet(OnetTool tool, IReadOnlySet<string> vendors)
    {
        var names = OnetNames.Derive(tool, vendors, _commonWords);
        // Same skill as an ESCO one when the full name matches its label, or a shorter name matches a label that is
        // itself a product name ("Oracle Java" is "Java (computer programming)"; "Infor Supply Chain Management"
        // is not "supply chain management").
        var index = -1;
        foreach (var n in names.Select(n => n.Text).Prepend(tool.Name))
        {
            if (_escoByLabelKey.TryGetValue(SkillText.Key(n), out index)
                && (n == tool.Name || _skills[index].SourceLabel.Any(char.IsUpper))) break;
            index = -1;
        }
        if (index >= 0)
        {
            var s = _skills[index];
            s.Category = SkillCategory.Technical;
            s.Hot |= tool.Hot;
            s.InDemand |= tool.InDemand;
            s.ToolCategory ??= tool.Category;
            if (CatalogueRules.StripParenthetical(s.Name) is { } shortName) s.Name = shortName;
        }
        else
        {
            index = NewSkill(new DraftSkill("onet", tool.Name, tool.Name, SkillCategory.Technical)
            {
                Hot = tool.Hot,
                InDemand = tool.InDemand,
                ToolCategory = tool.Category,
            });
        }
        Candidate(index, tool.Name, LabelPriority);
        foreach (var n in names) Candidate(index, n.Text, DerivedPriority, n.Flags == AliasFlags.None ? null : n.Flags);
    }

    private void AddFact(FactSkill fact)
    {
        var keys = fact.Aliases.Select(a => SkillText.Key(a.Text)).Prepend(SkillText.Key(fact.Name)).ToHashSet(StringComparer.Ordinal);
        var owner = _candidates
            .Where(c => c.Priority <= DerivedPriority && keys.Contains(c.Key))
            .OrderBy(c => c.Priority)
            .ThenBy(c => c.Key == SkillText.Key(fact.Name) ? 0 : 1)
            .ThenBy(c => c.Skill)
            .Select(c => (int?)c.Skill)
            .FirstOrDefault();
        int index;
        if (owner is { } existing)
        {
            index = existing;
            var s = _skills[index];
            if (fact.Rename) s.Name = fact.Name;
            if (fact.Category is { } category) s.Category = category;
        }
        else
        {
            index = NewSkill(new DraftSkill("x", fact.Name, fact.Name, fact.Category ?? SkillCategory.Technical));
        }
        Candidate(index, fact.Name, FactPriority, fact.Aliases.Count == 0 ? null : AliasFlagsOf(fact.Name, fact.Aliases));
        foreach (var alias in fact.Aliases) Candidate(index, alias.Text, FactPriority, alias.Flags);
    }

    // The name itself takes the flags it is listed with among the aliases, if it is listed.
    private static AliasFlags? AliasFlagsOf(string name, IReadOnlyList<CatalogueAlias> aliases) =>
        aliases.FirstOrDefault(a => a.Text == name)?.Flags;

    private static int TokenCount(string s) => SkillText.Tokenize(s).Count;
}

internal sealed class DraftSkill(string source, string sourceLabel, string name, SkillCategory category)
{
    public string Source { get; } = source;
    public string SourceLabel { get; } = sourceLabel;
    public string Name { get; set; } = name;
    public SkillCategory Category { get; set; } = category;
    public bool Hot { get; set; }
    public bool InDemand { get; set; }
    public string? ToolCategory { get; set; }
}

internal sealed record AliasCandidate(int Skill, string Text, string Surface, string Key, int Priority, AliasFlags? Forced);
