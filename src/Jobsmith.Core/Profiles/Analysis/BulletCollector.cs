using Jobsmith.Core.Profiles.Import;
using Jobsmith.Core.Profiles.Model;

namespace Jobsmith.Core.Profiles.Analysis;

/// <summary>
/// Description lines as separate bullets: a bullet marker starts an item, a wrapped line continues the
/// item above it, and a line without marker after a finished sentence starts a new item.
/// </summary>
internal static class BulletCollector
{
    public static List<SourcedText> Collect(IEnumerable<TextLine> lines)
    {
        var items = new List<SourcedText>();
        var continuable = false;
        foreach (var line in lines)
        {
            if (LineText.IsBlank(line)) { continuable = false; continue; }
            var contentStart = LineText.BulletContentStart(line.Text);
            var piece = LineText.Take(line, Math.Max(0, contentStart), line.Text.Length - Math.Max(0, contentStart));
            if (piece is null || !LineText.HasContent(piece.Value)) continue;
            if (contentStart < 0 && continuable && items.Count > 0 && char.IsLower(piece.Value[0]))
            {
                var previous = items[^1];
                items[^1] = new SourcedText(previous.Value + " " + piece.Value, SourceSpan.Cover(previous.Source, piece.Source));
            }
            else items.Add(piece);
            continuable = !piece.Value.EndsWith('.');
        }
        return items;
    }
}
