using Jobsmith.Core.Skills;
using Jobsmith.Tests.TestSupport;
using Xunit.Abstractions;

namespace Jobsmith.Tests.Skills;

/// <summary>
/// Span-level accuracy of <see cref="SkillExtractor"/> on SkillSpan's dev split (58 job postings, expert tags):
/// gold is the union of skill and knowledge spans. Strict counts a prediction right only on the exact token span;
/// loose on any overlap. SkillSpan's skill spans are often whole clauses ("lead the next stage of development"),
/// which a catalogue matcher cannot produce, so recall is bounded well below 1 by design.
/// </summary>
public sealed class SkillSpanAccuracyTests(ITestOutputHelper output)
{
    [SkippableFact]
    public void Extractor_span_f1_on_skillspan_dev_stays_above_floor()
    {
        var sentences = SkillSpanSentence.Load(SharedData.Require("jobs", "skillspan", "dev.json"));
        var extractor = SkillExtractor.Default;
        var strict = new SpanScore();
        var loose = new SpanScore();
        foreach (var s in sentences)
        {
            var predicted = extractor.Extract(s.Text).Select(m => s.ToTokens(m.Start, m.End)).ToList();
            strict.Add(predicted, s.Gold, (p, g) => p == g);
            loose.Add(predicted, s.Gold, (p, g) => p.Start < g.End && g.Start < p.End);
        }
        output.WriteLine($"SkillSpan dev: {sentences.Count} sentences, {sentences.Select(s => s.Posting).Distinct().Count()} postings, {strict.Gold} gold spans, {strict.Predicted} predicted");
        output.WriteLine("| match  | precision | recall | F1    |");
        output.WriteLine("|--------|-----------|--------|-------|");
        output.WriteLine(strict.Row("strict"));
        output.WriteLine(loose.Row("loose"));
        output.WriteLine($"catalogue: {SkillsCatalogue.Default.Skills.Count} skills, loaded in {SkillsCatalogue.DefaultLoadTime.TotalMilliseconds:F0} ms");

        Assert.True(strict.F1 >= StrictFloor, $"strict F1 {strict.F1:F3} fell below {StrictFloor}");
        Assert.True(loose.F1 >= LooseFloor, $"loose F1 {loose.F1:F3} fell below {LooseFloor}");
    }

    private const double StrictFloor = 0.30;
    private const double LooseFloor = 0.47;
}

internal sealed class SpanScore
{
    public int Predicted { get; private set; }
    public int Gold { get; private set; }
    private int _correctPredictions;
    private int _foundGold;

    public void Add(List<(int Start, int End)> predicted, IReadOnlyList<(int Start, int End)> gold,
        Func<(int Start, int End), (int Start, int End), bool> matches)
    {
        Predicted += predicted.Count;
        Gold += gold.Count;
        _correctPredictions += predicted.Count(p => gold.Any(g => matches(p, g)));
        _foundGold += gold.Count(g => predicted.Any(p => matches(p, g)));
    }

    public double Precision => Predicted == 0 ? 0 : (double)_correctPredictions / Predicted;
    public double Recall => Gold == 0 ? 0 : (double)_foundGold / Gold;
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public string Row(string name) => $"| {name,-6} | {Precision,9:F3} | {Recall,6:F3} | {F1:F3} |";
}
