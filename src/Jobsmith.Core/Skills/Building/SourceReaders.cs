using System.Text;

namespace Jobsmith.Core.Skills.Building;

internal sealed record EscoRow(string PreferredLabel, IReadOnlyList<string> AltLabels, bool IsKnowledge);

internal sealed record OnetTool(string Name, string Category, bool Hot, bool InDemand, int Occupations);

internal sealed record OnetTitle(string Code, string OccupationTitle, string AlternateTitle, string ShortTitle);

/// <summary>Reads the shared third-party files (see shared/data/skills/README.md and titles/README.md).</summary>
internal static class SourceReaders
{
    public static List<EscoRow> ReadEsco(string path)
    {
        var records = ReadCsv(File.ReadAllText(path));
        var header = records[0];
        int Col(string name) => Array.IndexOf(header, name) is var i and >= 0 ? i : throw new InvalidDataException($"{path}: no column {name}");
        var (label, alts, type) = (Col("preferredLabel"), Col("altLabels"), Col("skillType"));
        var rows = new List<EscoRow>();
        foreach (var r in records.Skip(1))
        {
            if (r.Length <= type || r[label].Trim().Length == 0) continue;
            var altLabels = r[alts].Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            rows.Add(new EscoRow(r[label].Trim(), altLabels, r[type] == "knowledge"));
        }
        return rows;
    }

    /// <summary>RFC 4180 CSV: quoted fields may hold commas, line breaks and doubled quotes.</summary>
    internal static List<string[]> ReadCsv(string text)
    {
        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c != '"') field.Append(c);
                else if (i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else quoted = false;
                continue;
            }
            switch (c)
            {
                case '"': quoted = true; break;
                case ',': fields.Add(field.ToString()); field.Clear(); break;
                case '\r': break;
                case '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    records.Add([.. fields]);
                    fields.Clear();
                    break;
                default: field.Append(c); break;
            }
        }
        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            records.Add([.. fields]);
        }
        return records;
    }

    /// <summary>Distinct tools; a tool listed by many occupations is hot / in demand if any row says so, and its
    /// category is the commodity title it is most often filed under.</summary>
    public static List<OnetTool> ReadOnetTools(string path)
    {
        var byName = new Dictionary<string, List<string[]>>(StringComparer.Ordinal);
        foreach (var f in ReadTsv(path))
        {
            var name = f[2].Trim();
            if (name.Length == 0) continue;
            if (!byName.TryGetValue(name, out var list)) byName[name] = list = [];
            list.Add(f);
        }
        return byName
            .OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => new OnetTool(
                kv.Key,
                kv.Value.GroupBy(f => f[4]).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key,
                kv.Value.Any(f => f[5] == "Y"),
                kv.Value.Any(f => f[6] == "Y"),
                kv.Value.Select(f => f[0]).Distinct().Count()))
            .ToList();
    }

    public static List<OnetTitle> ReadOnetTitles(string path) =>
        ReadTsv(path).Select(f => new OnetTitle(f[0], f[1], f[2].Trim(), f.Length > 3 ? f[3].Trim() : "")).ToList();

    public static List<(string Code, string Title)> ReadOnetOccupations(string path) =>
        ReadTsv(path).Select(f => (f[0], f[1].Trim())).ToList();

    public static IEnumerable<string> ReadOnetDescriptions(string path) =>
        ReadTsv(path).Where(f => f.Length > 2).Select(f => f[2]);

    private static IEnumerable<string[]> ReadTsv(string path) =>
        File.ReadLines(path).Skip(1).Where(l => l.Length > 0).Select(l => l.Split('\t'));
}
