namespace Jobsmith.Core.Skills.Building;

/// <summary>
/// Gives every alias to one skill at most. Case-insensitive aliases compete by normalized key, exact-case ones by
/// their surface form. The lowest priority wins (facts, then labels and tool names, then derived names, then ESCO
/// alt labels). Among equals, a skill whose own name contains the alias wins ("supply chain" goes to "supply chain
/// management"), the shortest such name first; without one, labels go to the shortest name and derived names or
/// alt labels are dropped as ambiguous ("SIS" names several tools).
/// </summary>
internal static class AliasResolver
{
    public static List<CatalogueAlias>[] Resolve(
        List<DraftSkill> skills, List<AliasCandidate> candidates, IReadOnlySet<string> drop, IReadOnlySet<string> commonWords)
    {
        var result = skills.Select(_ => new List<CatalogueAlias>()).ToArray();
        var flagged = candidates
            .Where(c => c.Priority == 0 || !drop.Contains(c.Key))
            .Select(c => (Candidate: c, Flags: c.Forced ?? CatalogueRules.Flags(c.Surface, c.Key, skills[c.Skill].Category == SkillCategory.Technical, commonWords)))
            .ToList();
        var nameKeys = skills.Select(s => " " + SkillText.Key(s.Name) + " ").ToArray();

        var groups = flagged.GroupBy(x => (x.Flags & AliasFlags.ExactCase) != 0 ? "=" + x.Candidate.Surface : x.Candidate.Key,
            StringComparer.Ordinal);
        foreach (var group in groups.OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var best = group.Min(x => x.Candidate.Priority);
            var contenders = group.Where(x => x.Candidate.Priority == best).ToList();
            var skillsInGroup = contenders.Select(x => x.Candidate.Skill).Distinct().ToList();
            int winner;
            if (skillsInGroup.Count == 1)
            {
                winner = skillsInGroup[0];
            }
            else
            {
                var key = " " + contenders[0].Candidate.Key + " ";
                var containing = skillsInGroup.Where(s => nameKeys[s].Contains(key, StringComparison.Ordinal)).ToList();
                var pool = containing.Count > 0 ? containing : best <= 1 ? skillsInGroup : [];
                if (pool.Count == 0) continue;
                winner = pool.OrderBy(s => skills[s].Name.Length).ThenBy(s => skills[s].Name, StringComparer.Ordinal).First();
            }
            var chosen = contenders.First(x => x.Candidate.Skill == winner);
            var c = chosen.Candidate;
            result[winner].Add(new CatalogueAlias((chosen.Flags & AliasFlags.ExactCase) != 0 ? c.Surface : c.Text, chosen.Flags));
        }

        for (var i = 0; i < result.Length; i++)
        {
            // An exact-case alias adds nothing when the same key already matches in any case.
            var anyCase = result[i].Where(a => (a.Flags & AliasFlags.ExactCase) == 0).Select(a => SkillText.Key(a.Text))
                .ToHashSet(StringComparer.Ordinal);
            result[i] = result[i]
                .Where(a => (a.Flags & AliasFlags.ExactCase) == 0 || !anyCase.Contains(SkillText.Key(a.Text)))
                .DistinctBy(a => (a.Flags & AliasFlags.ExactCase) == 0 ? SkillText.Key(a.Text) : a.Text)
                .OrderBy(a => a.Text, StringComparer.Ordinal)
                .ToList();
        }
        return result;
    }
}
