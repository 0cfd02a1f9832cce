using System.Text.Json;

namespace Jobsmith.Tests.Skills;

/// <summary>A SkillSpan sentence: its tokens joined by single spaces, and the gold spans (union of the skill and
/// knowledge BIO tags) as [start, end) token ranges.</summary>
internal sealed record SkillSpanSentence(int Posting, string Text, int[] TokenStarts, int[] TokenEnds, IReadOnlyList<(int Start, int End)> Gold)
{
    public static List<SkillSpanSentence> Load(string path)
    {
        var list = new List<SkillSpanSentence>();
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0) continue;
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            var tokens = root.GetProperty("tokens").EnumerateArray().Select(t => t.GetString()!).ToArray();
            var starts = new int[tokens.Length];
            var ends = new int[tokens.Length];
            var pos = 0;
            for (var i = 0; i < tokens.Length; i++)
            {
                starts[i] = pos;
                ends[i] = pos + tokens[i].Length;
                pos = ends[i] + 1;
            }
            var gold = Spans(root.GetProperty("tags_skill")).Union(Spans(root.GetProperty("tags_knowledge"))).ToList();
            list.Add(new SkillSpanSentence(root.GetProperty("idx").GetInt32(), string.Join(' ', tokens), starts, ends, gold));
        }
        return list;
    }

    /// <summary>BIO tags to spans; an I without a B opens a span, as conlleval does.</summary>
    private static IEnumerable<(int, int)> Spans(JsonElement tags)
    {
        var t = tags.EnumerateArray().Select(x => x.GetString()!).ToArray();
        var start = -1;
        for (var i = 0; i <= t.Length; i++)
        {
            var tag = i < t.Length ? t[i] : "O";
            var begins = tag.StartsWith('B') || (tag.StartsWith('I') && start < 0);
            if ((begins || tag == "O") && start >= 0)
            {
                yield return (start, i);
                start = -1;
            }
            if (begins) start = i;
        }
    }

    /// <summary>The token range a character range covers.</summary>
    public (int Start, int End) ToTokens(int charStart, int charEnd)
    {
        var first = Array.FindIndex(TokenEnds, e => e > charStart);
        var last = Array.FindLastIndex(TokenStarts, s => s < charEnd);
        return (first, last + 1);
    }
}
