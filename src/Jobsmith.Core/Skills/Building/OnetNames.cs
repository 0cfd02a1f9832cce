namespace Jobsmith.Core.Skills.Building;

/// <summary>
/// Shorter names people use for an O*NET tool: "Amazon Elastic Compute Cloud EC2" is also "EC2" and "Amazon
/// Elastic Compute Cloud"; "Atlassian JIRA" is also "JIRA" (Atlassian being a vendor that prefixes many tools).
/// Generic entries ("Accounting software") keep their full name only.
/// </summary>
internal static class OnetNames
{
    private const int VendorMinTools = 5;
    private const int WellKnownOccupations = 3;

    /// <summary>First words shared by at least five specific tools: vendors such as "Microsoft", "Oracle", "IBM".</summary>
    public static IReadOnlySet<string> VendorPrefixes(IEnumerable<OnetTool> tools) =>
        tools.Where(t => !IsGeneric(t.Name))
            .Select(t => t.Name.Split(' ')[0])
            .Where(w => w.Length > 1 && char.IsUpper(w[0]))
            .GroupBy(w => w, StringComparer.Ordinal)
            .Where(g => g.Count() >= VendorMinTools)
            .Select(g => g.Key)
            .ToHashSet(StringComparer.Ordinal);

    private static bool IsGeneric(string name) => name.EndsWith(" software", StringComparison.Ordinal);

    public static List<CatalogueAlias> Derive(OnetTool tool, IReadOnlySet<string> vendors, IReadOnlySet<string> commonWords)
    {
        var name = tool.Name;
        // A bare acronym names an obscure tool far less often than something else ("MPS", "OMS", "APPS"): only
        // tools that several occupations use, or that O*NET marks hot or in demand, keep theirs.
        var wellKnown = tool.Hot || tool.InDemand || tool.Occupations >= WellKnownOccupations;
        var result = new List<CatalogueAlias>();
        var generic = IsGeneric(name);
        var core = generic ? name[..^" software".Length] : name;
        var words = core.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();

        // A trailing acronym, bare or in brackets: "... Cloud EC2", "... Visual Studio (PTVS)".
        var last = words[^1].Trim('(', ')');
        if (words.Count >= 3 && CatalogueRules.IsAcronym(last) && CatalogueRules.Abbreviates(last, words.SkipLast(1)))
        {
            words.RemoveAt(words.Count - 1);
            if (wellKnown) result.Add(new CatalogueAlias(last, AliasFlags.ExactCase));
            result.Add(new CatalogueAlias(string.Join(' ', words), AliasFlags.None));
        }
        else if (generic)
        {
            return result;
        }

        if (!generic && words.Count >= 2 && vendors.Contains(words[0]))
        {
            var rest = words.Skip(1).ToList();
            if (rest.Count >= 1 && vendors.Contains(rest[0]) is false)
            {
                var product = string.Join(' ', rest);
                var key = SkillText.Key(product);
                var singleCommon = rest.Count == 1 && (commonWords.Contains(key) || key.Length <= 2);
                // A one-word product name keeps its case: "Exact MAX" is "MAX", not "max".
                if (!singleCommon && key.Length > 0)
                    result.Add(new CatalogueAlias(product, rest.Count == 1 ? AliasFlags.ExactCase : AliasFlags.None));
            }
        }
        return result.Where(a => !a.Text.Equals(name, StringComparison.Ordinal)).ToList();
    }
}
