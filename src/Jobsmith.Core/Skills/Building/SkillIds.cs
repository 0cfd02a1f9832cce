using System.Security.Cryptography;
using System.Text;

namespace Jobsmith.Core.Skills.Building;

/// <summary>
/// Stable ids: source prefix and a slug of the source's own label ("esco:python-computer-programming",
/// "onet:c-plus-plus", "x:kubernetes"), so an id survives rebuilds, renames by the facts file and other skills
/// coming or going. Two labels with one slug both get a short hash of their label appended.
/// </summary>
internal static class SkillIds
{
    public static string[] Assign(List<DraftSkill> skills)
    {
        var slugs = skills.Select(s => s.Source + ":" + Slug(s.SourceLabel)).ToArray();
        var clashes = slugs.GroupBy(s => s, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key)
            .ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < slugs.Length; i++)
        {
            if (clashes.Contains(slugs[i])) slugs[i] += "-" + ShortHash(skills[i].SourceLabel);
        }
        var dup = slugs.GroupBy(s => s, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (dup is not null) throw new InvalidOperationException($"duplicate skill id {dup.Key}");
        return slugs;
    }

    public static string Slug(string label)
    {
        var sb = new StringBuilder();
        void Word(string w)
        {
            if (sb.Length > 0 && sb[^1] != '-') sb.Append('-');
            sb.Append(w).Append('-');
        }
        for (var i = 0; i < label.Length; i++)
        {
            var c = label[i];
            if (char.IsAsciiLetterOrDigit(c)) sb.Append(char.ToLowerInvariant(c));
            else if (c == '+') { Word("plus"); }
            else if (c == '#') { Word("sharp"); }
            else if (c == '.' && i + 1 < label.Length && char.IsLetter(label[i + 1]) && (i == 0 || label[i - 1] == ' ')) { Word("dot"); }
            else if (char.IsLetterOrDigit(c)) sb.Append(char.ToLowerInvariant(c));
            else if (sb.Length > 0 && sb[^1] != '-') sb.Append('-');
        }
        return sb.ToString().Trim('-');
    }

    private static string ShortHash(string label) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(label)))[..6];
}
