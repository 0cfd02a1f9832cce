using System.IO.Compression;
using System.Text;

namespace Jobsmith.Core.Skills;

/// <summary>How an alias may match. Stored as a prefix of the alias in the catalogue file.</summary>
[Flags]
internal enum AliasFlags
{
    None = 0,
    /// <summary>Matches only with the catalogue's exact letter case ("Go", "C", "Spring").</summary>
    ExactCase = 1,
    /// <summary>Matches only near another, unambiguous technical mention ("C" in "C, C++ and Python").</summary>
    NeedsContext = 2,
}

internal sealed record CatalogueAlias(string Text, AliasFlags Flags)
{
    public string Encode() =>
        ((Flags & AliasFlags.ExactCase) != 0 ? "=" : "") + ((Flags & AliasFlags.NeedsContext) != 0 ? "~" : "") + Text;

    public static CatalogueAlias Decode(string s)
    {
        var flags = AliasFlags.None;
        var i = 0;
        if (i < s.Length && s[i] == '=') { flags |= AliasFlags.ExactCase; i++; }
        if (i < s.Length && s[i] == '~') { flags |= AliasFlags.NeedsContext; i++; }
        return new CatalogueAlias(s[i..], flags);
    }
}

internal sealed record CatalogueEntry(
    string Id,
    string Name,
    SkillCategory Category,
    bool Hot,
    bool InDemand,
    string? ToolCategory,
    IReadOnlyList<CatalogueAlias> Aliases);

/// <summary>
/// The shipped catalogue: gzipped UTF-8 TSV, one skill a line:
/// <c>id, name, category (t/s/d), flags (H hot, D in demand), O*NET tool category, aliases joined by '|'</c>.
/// An alias prefixed '=' needs its exact case, '~' needs context (see <see cref="AliasFlags"/>).
/// </summary>
internal static class CatalogueFormat
{
    public const string Header = "# Jobsmith skills catalogue v1: derived from ESCO v1.1.1 and O*NET 29.2 (CC BY 4.0), see NOTICE.md";

    public static string ToText(IEnumerable<CatalogueEntry> entries)
    {
        var sb = new StringBuilder();
        sb.Append(Header).Append('\n');
        foreach (var e in entries)
        {
            sb.Append(e.Id).Append('\t').Append(e.Name).Append('\t')
              .Append(e.Category switch { SkillCategory.Technical => 't', SkillCategory.Soft => 's', _ => 'd' }).Append('\t')
              .Append(e.Hot ? "H" : "").Append(e.InDemand ? "D" : "").Append('\t')
              .Append(e.ToolCategory ?? "").Append('\t')
              .AppendJoin('|', e.Aliases.Select(a => a.Encode())).Append('\n');
        }
        return sb.ToString();
    }

    public static IEnumerable<CatalogueEntry> Parse(TextReader reader)
    {
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var f = line.Split('\t');
            if (f.Length != 6) throw new InvalidDataException($"bad skills catalogue line: {line}");
            var category = f[2] switch { "t" => SkillCategory.Technical, "s" => SkillCategory.Soft, _ => SkillCategory.Domain };
            var aliases = f[5].Length == 0
                ? []
                : f[5].Split('|').Select(CatalogueAlias.Decode).ToArray();
            yield return new CatalogueEntry(f[0], f[1], category, f[3].Contains('H'), f[3].Contains('D'),
                f[4].Length == 0 ? null : f[4], aliases);
        }
    }

    public static byte[] Gzip(string text)
    {
        using var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            gz.Write(bytes);
        }
        return ms.ToArray();
    }

    public static string Gunzip(Stream gzipped)
    {
        using var gz = new GZipStream(gzipped, CompressionMode.Decompress);
        using var reader = new StreamReader(gz, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
