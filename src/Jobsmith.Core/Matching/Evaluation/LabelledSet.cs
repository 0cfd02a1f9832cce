using System.Globalization;

namespace Jobsmith.Core.Matching.Evaluation;

/// <summary>
/// A labelled relevance file: '#' lines are the header (the labelling rule), then tab-separated
/// query id, posting key, relevance (0-2) and free text. Unlisted (query, posting) pairs are relevance 0.
/// </summary>
public sealed class LabelledSet
{
    private readonly Dictionary<string, Dictionary<string, int>> _labels;

    private LabelledSet(Dictionary<string, Dictionary<string, int>> labels) => _labels = labels;

    public IReadOnlyCollection<string> Queries => _labels.Keys;

    public int Label(string query, string postingKey) =>
        _labels.TryGetValue(query, out var byPosting) && byPosting.TryGetValue(postingKey, out var label) ? label : 0;

    public static LabelledSet Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var labels = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        var lineNumber = 0;
        foreach (var line in text.Split('\n'))
        {
            lineNumber++;
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var cells = line.TrimEnd('\r').Split('\t');
            if (cells.Length < 3 || !int.TryParse(cells[2], NumberStyles.None, CultureInfo.InvariantCulture, out var label) || label > 2)
                throw new FormatException($"line {lineNumber}: expected query<TAB>posting<TAB>0|1|2");
            if (!labels.TryGetValue(cells[0], out var byPosting)) labels[cells[0]] = byPosting = new(StringComparer.Ordinal);
            byPosting[cells[1]] = label;
        }
        return new LabelledSet(labels);
    }
}
