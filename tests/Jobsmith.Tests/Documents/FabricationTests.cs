using Jobsmith.Core.Documents;
using Jobsmith.Core.Documents.Answers;
using Jobsmith.Core.Jobs;
using Jobsmith.Core.Profiles.Analysis;
using Jobsmith.Core.Profiles.Import;
using Jobsmith.Core.Profiles.Model;
using Jobsmith.Core.Profiles.Store;
using Jobsmith.Tests.Matching;
using Jobsmith.Tests.Profiles.Fixtures;
using System.Text.RegularExpressions;
using Jobsmith.Tests.TestSupport;
using Xunit.Abstractions;

namespace Jobsmith.Tests.Documents;

/// <summary>
/// E1, E2, E4, E6 on real data: documents generated for (dotin resume, Ashby posting) pairs carry no untraceable
/// line, and fabrications planted into those documents are each caught by the checker.
/// </summary>
public sealed partial class FabricationTests(ITestOutputHelper output)
{
    public const int Pairs = 250;

    private sealed record Pair(string ResumeId, FactSheet Sheet, JobPosting Posting, PostingTarget Target);

    private static readonly Lazy<List<Pair>> LazyPairs = new(BuildPairs);

    // Resume i meets posting (i * 37) mod N: every resume once, postings spread over all 35 boards.
    private static List<Pair> BuildPairs()
    {
        var zip = SharedData.Require("resumes", "dotin", "545_cvs_train_v2.zip");
        var postings = MatchingData.Ashby();
        var analyzer = new ResumeAnalyzer(TimeProvider.System);
        return [.. DotinCorpus.Read(zip).Take(Pairs).Select((record, i) =>
        {
            var resume = analyzer.Analyze(new ExtractedText(ResumeFileKind.PlainText, record.Text));
            var facts = FactExtractor.Extract(resume, Guid.NewGuid(), 1);
            var posting = postings[i * 37 % postings.Count];
            return new Pair(record.Id, new FactSheet(facts), posting, new PostingTarget(posting));
        })];
    }

    private static List<Pair> RequirePairs()
    {
        SharedData.Require("resumes", "dotin", "545_cvs_train_v2.zip");
        SharedData.Require("jobs", "ashby");
        return LazyPairs.Value;
    }

    private static readonly AnswerBank Bank = new(new Dictionary<string, string>
    {
        [AnswerKeys.NoticePeriod] = "4 weeks",
        [AnswerKeys.Sponsorship] = "No",
        [AnswerKeys.LinkedIn] = "https://www.linkedin.com/in/example",
    });

    private static IEnumerable<DocumentDraft> Documents(Pair pair) =>
    [
        ResumeTailor.Tailor(pair.Sheet, pair.Target),
        CoverLetterComposer.Compose(pair.Sheet, pair.Target, DocumentDrafting.Seed(pair.ResumeId, Guid.Empty)),
        FormAnswerComposer.Compose(pair.Sheet, pair.Target, Bank),
    ];

    [SkippableFact]
    public void Documents_for_250_resume_posting_pairs_have_no_untraceable_line()
    {
        var pairs = RequirePairs();
        var lines = new Dictionary<string, int>();
        var untraceable = new Dictionary<string, int>();
        var examples = new List<string>();
        var letterWords = new List<int>();
        foreach (var pair in pairs)
        {
            var evidence = DocumentService.Evidence(pair.Sheet, pair.Target, Bank);
            foreach (var draft in Documents(pair))
            {
                var flags = ProvenanceChecker.Check(draft.Lines, evidence);
                lines[draft.Kind] = lines.GetValueOrDefault(draft.Kind) + draft.Lines.Count;
                var flagged = flags.Select(f => f.Line).Distinct().Count();
                untraceable[draft.Kind] = untraceable.GetValueOrDefault(draft.Kind) + flagged;
                examples.AddRange(flags.Take(2).Select(f => $"{pair.ResumeId} × {pair.Posting.Company}/{pair.Posting.Title} [{draft.Kind}] '{f.Claim}' {f.Reason}: {draft.Lines[f.Line].Text}"));
                if (draft.Kind == DocumentKinds.CoverLetter) letterWords.Add(CoverLetterComposer.Words(draft.Lines));
            }
        }

        output.WriteLine($"pairs: {pairs.Count} (dotin resumes × Ashby postings), documents: {pairs.Count * 3}");
        foreach (var kind in DocumentKinds.All)
            output.WriteLine($"{kind,-13} lines {lines.GetValueOrDefault(kind),6}  untraceable {untraceable.GetValueOrDefault(kind),4}");
        output.WriteLine($"untraceable lines in total: {untraceable.Values.Sum()} of {lines.Values.Sum()}");
        letterWords.Sort();
        output.WriteLine($"cover letter words: min {letterWords[0]}, median {letterWords[letterWords.Count / 2]}, max {letterWords[^1]}; " +
                         $"{letterWords.Count(w => w is >= CoverLetterComposer.TargetWords and <= CoverLetterComposer.MaxWords)} of {letterWords.Count} in 250–300");
        foreach (var example in examples.Take(40)) output.WriteLine(example);
        Assert.True(pairs.Count >= 200, $"only {pairs.Count} pairs");
        Assert.Equal(0, untraceable.Values.Sum());
        Assert.All(letterWords, w => Assert.True(w <= CoverLetterComposer.MaxWords, $"a letter has {w} words"));
    }

    private static readonly string[] ForeignSkills = ["Kubernetes", "Terraform", "Haskell", "Salesforce", "Kotlin", "Photoshop"];

    [SkippableFact]
    public void Fabrications_planted_into_the_generated_documents_are_each_caught()
    {
        var pairs = RequirePairs();
        var planted = new Dictionary<string, int>();
        var caught = new Dictionary<string, int>();
        var missed = new List<string>();
        foreach (var pair in pairs)
        {
            var evidence = DocumentService.Evidence(pair.Sheet, pair.Target, Bank);
            var profileText = string.Join('\n', pair.Sheet.Facts.Select(f => f.Value));
            foreach (var draft in Documents(pair).Where(d => d.Kind != DocumentKinds.Answers))
            {
                var targets = draft.Lines.Where(l => l.Section is "Experience" or "Body" && l.FactIds.Count > 0).Take(2).ToList();
                foreach (var line in targets)
                {
                    var cited = string.Join('\n', line.FactIds.Where(evidence.ContainsKey).Select(id => evidence[id]));
                    Plant("fake employer", line with { Text = line.Text.TrimEnd('.') + " for Globex Dynamics." });
                    var inflated = Inflate(line.Text, cited);
                    Plant("inflated number", line with { Text = inflated });
                    if (ForeignSkills.FirstOrDefault(k => !profileText.Contains(k, StringComparison.OrdinalIgnoreCase)) is { } skill)
                        Plant("skill not in profile", line with { Text = line.Text.TrimEnd('.') + $" using {skill}." });
                    if (Year().Match(line.Text) is { Success: true } year)
                    {
                        var changed = ChangedYear(year.Value, cited);
                        Plant("changed date", line with { Text = line.Text[..year.Index] + changed + line.Text[(year.Index + year.Length)..] });
                    }
                }
            }

            void Plant(string kind, DocumentLine line)
            {
                planted[kind] = planted.GetValueOrDefault(kind) + 1;
                if (ProvenanceChecker.CheckLine(0, line, evidence).Any()) caught[kind] = caught.GetValueOrDefault(kind) + 1;
                else missed.Add($"{kind}: {line.Text}");
            }
        }

        foreach (var kind in planted.Keys)
            output.WriteLine($"{kind,-22} planted {planted[kind],5}  caught {caught.GetValueOrDefault(kind),5}");
        output.WriteLine($"planted fabrications in total: {planted.Values.Sum()}, caught {caught.Values.Sum()}");
        foreach (var miss in missed.Take(20)) output.WriteLine("MISSED " + miss);

        Assert.Equal(4, planted.Count);
        Assert.All(planted.Values, n => Assert.True(n >= 50, $"only {n} plants of a kind"));
        Assert.Empty(missed);
    }

    // The line's first number made larger (or, without one, a new percentage), never a value the cited facts hold.
    private static string Inflate(string text, string cited)
    {
        var match = Number().Match(text);
        var value = match.Success && long.TryParse(match.Value, out var n) && n < 100_000_000 ? n * 3 + 7 : 47;
        while (cited.Contains(value.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)) value++;
        var number = value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return match.Success ? text[..match.Index] + number + text[(match.Index + match.Length)..] : text.TrimEnd('.') + $", raising revenue by {number}%.";
    }

    private static string ChangedYear(string year, string cited)
    {
        var value = int.Parse(year, System.Globalization.CultureInfo.InvariantCulture) - 3;
        while (cited.Contains(value.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)) value--;
        return value.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"\d+")]
    private static partial Regex Number();

    [GeneratedRegex(@"\b(19|20)\d\d\b")]
    private static partial Regex Year();
}
