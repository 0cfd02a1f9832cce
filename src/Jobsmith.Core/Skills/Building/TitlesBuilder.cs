using System.Text;

namespace Jobsmith.Core.Skills.Building;

/// <summary>
/// Derives the shipped title index (Skills/Data/titles.tsv.gz) from O*NET occupations and alternate titles:
/// <c>O code title</c> lines for occupations, then <c>T code title</c> lines for alternate and short titles.
/// </summary>
internal static class TitlesBuilder
{
    public const string Header = "# Jobsmith titles v1: derived from O*NET 29.2 (CC BY 4.0), see NOTICE.md";

    public static string Build(string sharedDataRoot)
    {
        var dir = Path.Combine(sharedDataRoot, "titles");
        var occupations = SourceReaders.ReadOnetOccupations(Path.Combine(dir, "onet_occupations.tsv"));
        var titles = SourceReaders.ReadOnetTitles(Path.Combine(dir, "onet_alternate_titles.tsv"));
        var sb = new StringBuilder();
        sb.Append(Header).Append('\n');
        foreach (var (code, title) in occupations.OrderBy(o => o.Code, StringComparer.Ordinal))
            sb.Append("O\t").Append(code).Append('\t').Append(Clean(title)).Append('\n');
        var rows = titles
            .SelectMany(t => new[] { (t.Code, Title: t.AlternateTitle), (t.Code, Title: t.ShortTitle) })
            .Where(t => t.Title.Length > 0)
            .Select(t => (t.Code, Title: Clean(t.Title)))
            .DistinctBy(t => (t.Code, SkillText.Key(t.Title)))
            .OrderBy(t => t.Code, StringComparer.Ordinal)
            .ThenBy(t => t.Title, StringComparer.Ordinal);
        foreach (var (code, title) in rows)
            sb.Append("T\t").Append(code).Append('\t').Append(title).Append('\n');
        return sb.ToString();
    }

    private static string Clean(string s) => s.Replace('\t', ' ').Replace('\n', ' ').Trim();
}
