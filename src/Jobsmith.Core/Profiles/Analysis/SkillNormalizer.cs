using Jobsmith.Core.Profiles.Import;
using Jobsmith.Core.Profiles.Model;
using Jobsmith.Core.Skills;

namespace Jobsmith.Core.Profiles.Analysis;

/// <summary>
/// Ties the resume's skills to the skills catalogue: list entries get their canonical name and category
/// (entries the catalogue does not know are kept as written), and skills mentioned only in prose
/// (summary, bullets) are added with the span of the mention. One skill per catalogue id.
/// </summary>
internal static class SkillNormalizer
{
    public static List<ProfileSkill> Normalize(ExtractedText text, IEnumerable<ProfileSkill> listed)
    {
        // Contact lines ("LinkedIn | GitHub") and section headings ("PATENTS") name no skill of the candidate's.
        var notProse = text.Lines.Where(l => ContactLines.IsContactLine(l.Text) || SectionDetector.HeadingKind(l.Text) is not null).Select(l => l.Number).ToHashSet();
        var result = new List<ProfileSkill>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var skill in listed)
        {
            var known = skill.SkillId is { } id ? SkillsCatalogue.Default.GetById(id) : SkillsCatalogue.Default.FindListed(skill.Name.Value);
            if (known is null) result.Add(skill);
            else if (ids.Add(known.Id)) result.Add(With(skill, known));
        }
        foreach (var mention in SkillExtractor.Default.Extract(text.Text))
        {
            var name = new SourcedText(mention.Text, Span(text, mention.Start, mention.End));
            if (notProse.Contains(name.Source.FirstLine) || !ids.Add(mention.SkillId)) continue;
            result.Add(new ProfileSkill(name, mention.Canonical, CategoryName(mention.Category)) { SkillId = mention.SkillId });
        }
        return result;
    }

    public static ProfileSkill With(ProfileSkill skill, Skill known) =>
        skill with { Canonical = known.Name, Category = CategoryName(known.Category), SkillId = known.Id };

    public static string CategoryName(SkillCategory category) => category.ToString().ToLowerInvariant();

    /// <summary>The provenance of a character range [start, end) of the whole text.</summary>
    public static SourceSpan Span(ExtractedText text, int start, int end)
    {
        var lines = text.Lines;
        int First(int offset)
        {
            int lo = 0, hi = lines.Count - 1;
            while (lo < hi)
            {
                var mid = (lo + hi + 1) / 2;
                if (lines[mid].Start <= offset) lo = mid; else hi = mid - 1;
            }
            return lo;
        }
        return new SourceSpan(lines[First(start)].Number, lines[First(Math.Max(start, end - 1))].Number, start, end);
    }
}
