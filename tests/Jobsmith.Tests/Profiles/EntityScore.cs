using System.Text;

namespace Jobsmith.Tests.Profiles;

/// <summary>
/// Entity-level scoring. Matching rule: normalized text equality (case-folded, whitespace collapsed,
/// surrounding punctuation removed). Duplicates collapse: per record and type, gold and predicted
/// values are sets, so a company named three times counts once and predicting it twice is one hit.
/// </summary>
public sealed class EntityScore
{
    public int TruePositives { get; private set; }
    public int FalsePositives { get; private set; }
    public int FalseNegatives { get; private set; }

    public double Precision => Ratio(TruePositives, TruePositives + FalsePositives);
    public double Recall => Ratio(TruePositives, TruePositives + FalseNegatives);
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public void Add(IEnumerable<string> gold, IEnumerable<string> predicted)
    {
        var g = gold.Select(Normalize).Where(v => v.Length > 0).ToHashSet(StringComparer.Ordinal);
        var p = predicted.Select(Normalize).Where(v => v.Length > 0).ToHashSet(StringComparer.Ordinal);
        var hits = p.Count(g.Contains);
        TruePositives += hits;
        FalsePositives += p.Count - hits;
        FalseNegatives += g.Count - hits;
    }

    public void Add(EntityScore other)
    {
        TruePositives += other.TruePositives;
        FalsePositives += other.FalsePositives;
        FalseNegatives += other.FalseNegatives;
    }

    public static string Normalize(string value)
    {
        var builder = new StringBuilder();
        foreach (var c in value.ToLowerInvariant().Normalize(NormalizationForm.FormC))
        {
            if (char.IsWhiteSpace(c)) { if (builder.Length > 0 && builder[^1] != ' ') builder.Append(' '); }
            else builder.Append(c);
        }
        return builder.ToString().Trim(' ', '.', ',', ';', ':', '-', '|', '(', ')', '"', '\'', '•');
    }

    private static double Ratio(int a, int b) => b == 0 ? 0 : (double)a / b;
}
