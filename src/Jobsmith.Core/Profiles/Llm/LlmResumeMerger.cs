using Jobsmith.Core.Profiles.Analysis;
using Jobsmith.Core.Profiles.Model;
using Jobsmith.Core.Skills;

namespace Jobsmith.Core.Profiles.Llm;

/// <summary>
/// Merges a validated model extraction into the rule-based profile. Rule-based facts and their spans win;
/// the model only fills gaps (a missing title, an employer the rules missed, a job they did not see). Every
/// model value is located in the text for its provenance; one that cannot be located is left out.
/// </summary>
internal static class LlmResumeMerger
{
    public static ParsedResume Merge(ParsedResume rules, LlmResumeExtract llm, TextLocator locate)
    {
        var c = rules.Contact;
        var contact = c with
        {
            Name = c.Name ?? locate.Find(llm.Name),
            Email = c.Email ?? locate.Find(llm.Email),
            Phone = c.Phone ?? locate.Find(llm.Phone),
            Location = c.Location ?? locate.Find(llm.Location),
            Links = MergeLinks(c.Links, llm.Links, locate),
        };
        return rules with
        {
            Contact = contact,
            Summary = rules.Summary ?? locate.Find(llm.Summary),
            Experience = LlmEntryMerger.MergeJobs(rules.Experience, llm.Experience, locate),
            Education = LlmEntryMerger.MergeEducation(rules.Education, llm.Education, locate),
            Skills = MergeSkills(rules.Skills, llm.Skills, locate),
        };
    }

    private static List<ProfileLink> MergeLinks(IReadOnlyList<ProfileLink> links, IReadOnlyList<string> llm, TextLocator locate)
    {
        var result = links.ToList();
        foreach (var value in llm)
        {
            if (result.Any(l => string.Equals(l.Url.Value, value.Trim(), StringComparison.OrdinalIgnoreCase))) continue;
            if (locate.Find(value) is { } url) result.Add(new ProfileLink(url));
        }
        return result;
    }

    private static List<ProfileSkill> MergeSkills(IReadOnlyList<ProfileSkill> skills, IReadOnlyList<string> llm, TextLocator locate)
    {
        var result = skills.ToList();
        var ids = skills.Select(s => s.SkillId).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var names = skills.Select(s => s.Name.Value).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var value in llm)
        {
            var known = SkillsCatalogue.Default.FindListed(value);
            if (known is not null ? ids.Contains(known.Id) : names.Contains(value.Trim())) continue;
            if (locate.Find(value) is not { } name) continue;
            var skill = new ProfileSkill(name);
            result.Add(known is null ? skill : SkillNormalizer.With(skill, known));
            if (known is not null) ids.Add(known.Id);
            names.Add(name.Value);
        }
        return result;
    }
}
