using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Jobsmith.Tests.Profiles.Fixtures;

public sealed record DotinRecord(string Id, string Text, IReadOnlyDictionary<string, List<string>> Gold);

/// <summary>
/// Reads the dotin resume NER set (CC0, dotin-inc/resume-dataset-NER-annotations): the text with its
/// &lt;label&gt; tags removed is the input; the tags are the expected answers.
/// Two upstream artefacts are undone for every record alike: literal "\xNN" byte escapes are decoded as
/// UTF-8, and records that upstream flattened into one quoted line (line breaks turned into runs of two
/// or more spaces) get their line breaks back.
/// </summary>
public static partial class DotinCorpus
{
    public static IEnumerable<DotinRecord> Read(string zipPath)
    {
        using var zip = ZipFile.OpenRead(zipPath);
        foreach (var entry in zip.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.Ordinal)).OrderBy(e => e.FullName, StringComparer.Ordinal))
        {
            using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
            yield return Parse(Path.GetFileNameWithoutExtension(entry.Name), reader.ReadToEnd());
        }
    }

    public static DotinRecord Parse(string id, string xml)
    {
        var body = Wrapper().Replace(xml, "");
        var flattened = body.Trim().StartsWith('"');
        if (flattened) body = body.Trim().Trim('"');
        var gold = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (Match label in Label().Matches(body))
        {
            var type = label.Groups["type"].Value;
            if (!gold.TryGetValue(type, out var values)) gold[type] = values = [];
            values.Add(Clean(label.Groups["text"].Value, flattened));
        }
        var text = Clean(Tag().Replace(body, ""), flattened);
        return new DotinRecord(id, text.Trim('\n'), gold);
    }

    private static string Clean(string text, bool flattened)
    {
        text = DecodeByteEscapes(WebUtility.HtmlDecode(text));
        return flattened ? Flattened().Replace(text, "\n") : text;
    }

    private static string DecodeByteEscapes(string text) => ByteEscapes().Replace(text, m =>
    {
        var bytes = m.Value.Split("\\x", StringSplitOptions.RemoveEmptyEntries).Select(h => Convert.ToByte(h, 16)).ToArray();
        return Encoding.UTF8.GetString(bytes);
    });

    [GeneratedRegex(@"<\?xml[^>]*\?>|</?cv>")]
    private static partial Regex Wrapper();

    [GeneratedRegex(@"<label type=""(?<type>[^""]+)"">(?<text>.*?)</label>", RegexOptions.Singleline)]
    private static partial Regex Label();

    [GeneratedRegex(@"</?label[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"(?:\\x[0-9a-fA-F]{2})+")]
    private static partial Regex ByteEscapes();

    [GeneratedRegex(@" {2,}")]
    private static partial Regex Flattened();
}
