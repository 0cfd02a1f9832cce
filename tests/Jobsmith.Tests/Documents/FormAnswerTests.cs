using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Jobsmith.Core.Documents;
using Jobsmith.Core.Documents.Answers;
using Jobsmith.Core.Jobs;
using Jobsmith.Tests.TestSupport;
using Xunit.Abstractions;

namespace Jobsmith.Tests.Documents;

/// <summary>E4: questions are classified deterministically, standard ones answered from the bank, open ones from facts, sensitive ones never guessed.</summary>
public sealed partial class FormAnswerTests(ITestOutputHelper output)
{
    private static FactSheet Sheet() => new(DocumentEngineTests.Facts);

    private static PostingTarget Posting() => new(DocumentEngineTests.Posting());

    // Every label the Greenhouse documentation shows, checked by hand: what answers it.
    private static readonly Dictionary<string, (QuestionCategory Category, string? Key)> HandChecked = new()
    {
        ["First Name"] = (QuestionCategory.Profile, QuestionClassifier.FirstName),
        ["Last Name"] = (QuestionCategory.Profile, QuestionClassifier.LastName),
        ["Email"] = (QuestionCategory.Profile, QuestionClassifier.Email),
        ["Phone"] = (QuestionCategory.Profile, QuestionClassifier.Phone),
        ["Location"] = (QuestionCategory.Profile, QuestionClassifier.Location),
        ["Latitude"] = (QuestionCategory.Hidden, null),
        ["Longitude"] = (QuestionCategory.Hidden, null),
        ["Resume"] = (QuestionCategory.Document, QuestionClassifier.Resume),
        ["Cover Letter"] = (QuestionCategory.Document, QuestionClassifier.CoverLetter),
        ["LinkedIn Profile"] = (QuestionCategory.Bank, AnswerKeys.LinkedIn),
        ["Do you like apples?"] = (QuestionCategory.Unknown, null),
        ["Some dropdown"] = (QuestionCategory.Unknown, null),
        ["Multi select with checkboxes"] = (QuestionCategory.Unknown, null),
        // Asked in the demographic section, so sensitive whatever it says.
        ["Favorite Color"] = (QuestionCategory.Sensitive, AnswerKeys.Demographic),
        ["{{ORGANIZATION}} has my consent to collect, store, and process my data for the purpose of considering me for employment."] = (QuestionCategory.Sensitive, AnswerKeys.Consent),
        ["By checking this box, I consent to {{ORGANIZATION}} collecting, storing, and processing my responses to the demographic data surveys above."] = (QuestionCategory.Sensitive, AnswerKeys.Consent),
        ["gender"] = (QuestionCategory.Sensitive, AnswerKeys.Gender),
        ["race"] = (QuestionCategory.Sensitive, AnswerKeys.RaceEthnicity),
        ["veteran_status"] = (QuestionCategory.Sensitive, AnswerKeys.VeteranStatus),
        ["disability_status"] = (QuestionCategory.Sensitive, AnswerKeys.DisabilityStatus),
    };

    /// <summary>The questions of every documented Greenhouse job payload, the labels of the example form, and the EEOC fields of the JSON submission.</summary>
    private static List<FormQuestion> GreenhouseForms()
    {
        var folder = SharedData.Require("forms", "greenhouse");
        var questions = new List<FormQuestion>();
        var payloads = JsonBlocks(File.ReadAllText(Path.Combine(folder, "_jobs.md"))).Append(File.ReadAllText(Path.Combine(folder, "job_with_questions_example.json")));
        foreach (var payload in payloads)
            if (JsonNode.Parse(payload) is JsonObject job && (job.ContainsKey("questions") || job.ContainsKey("demographic_questions")))
                questions.AddRange(GreenhouseQuestions.Read(job));
        var form = File.ReadAllText(Path.Combine(folder, "_applications.md"));
        questions.AddRange(HtmlFormQuestions(form));
        foreach (var field in new[] { "gender", "race", "veteran_status", "disability_status" })
            if (form.Contains($"\"{field}\":", StringComparison.Ordinal)) questions.Add(new FormQuestion(field, ["multi_value_single_select"], [], Section: FormSections.Compliance));
        return questions;
    }

    [SkippableFact]
    public void Every_Greenhouse_label_is_classified_as_checked_by_hand_and_sensitive_ones_are_never_answered()
    {
        var questions = GreenhouseForms();
        var classes = questions.Select(q => (Question: q, Class: QuestionClassifier.Classify(q))).ToList();
        foreach (var (q, c) in classes) output.WriteLine($"{c.Category,-9} {c.Key ?? "-",-18} [{q.Section}/{string.Join(",", q.FieldTypes)}] {q.Label}");
        var distinct = classes.DistinctBy(c => (c.Question.Label, c.Question.Section)).ToList();
        foreach (var group in distinct.GroupBy(c => c.Class.Category).OrderBy(g => g.Key))
            output.WriteLine($"{group.Key}: {group.Count()}");
        output.WriteLine($"distinct labels: {distinct.Count}; to a bank or profile key {distinct.Count(c => c.Class.Category is QuestionCategory.Bank or QuestionCategory.Profile)}, " +
                         $"free text {distinct.Count(c => c.Class.Category == QuestionCategory.FreeText)}, sensitive {distinct.Count(c => c.Class.Category == QuestionCategory.Sensitive)}");

        Assert.Equal(HandChecked.Keys.Order(StringComparer.Ordinal), distinct.Select(c => c.Question.Label).Distinct().Order(StringComparer.Ordinal));
        foreach (var (question, found) in classes)
            Assert.True(HandChecked[question.Label] == (found.Category, found.Key), $"{question.Label}: {found}");
        // Deterministic: the same question classifies the same way every time.
        Assert.Equal(classes.Select(c => c.Class), questions.Select(QuestionClassifier.Classify));

        // Even with a profile full of facts and unrelated bank answers, no sensitive question gets text.
        var bank = new AnswerBank(new Dictionary<string, string> { [AnswerKeys.NoticePeriod] = "2 weeks", [AnswerKeys.Relocation] = "Yes" });
        var answers = FormAnswerComposer.Compose(Sheet(), Posting(), bank, questions);
        var sensitive = questions.Where(q => QuestionClassifier.Classify(q).Category == QuestionCategory.Sensitive).Select(q => q.Label).ToHashSet();
        Assert.NotEmpty(sensitive);
        foreach (var line in answers.Lines.Where(l => sensitive.Contains(l.Section)))
        {
            Assert.Equal("", line.Text);
            Assert.Equal(FormAnswerComposer.SensitiveReason, line.NeedsCandidate);
        }
        Assert.DoesNotContain(answers.Lines, l => l.Section is "Latitude" or "Longitude");
        Assert.All(answers.Lines.Where(l => l.Section == "First Name"), l => Assert.Equal("Ada", l.Text));
        Assert.Equal("Stone", answers.Lines.First(l => l.Section == "Last Name").Text);
        Assert.Equal(FormAnswerComposer.UnknownReason, answers.Lines.First(l => l.Section == "Do you like apples?").NeedsCandidate);
        Assert.Empty(ProvenanceChecker.Check(answers.Lines, DocumentService.Evidence(Sheet(), Posting(), bank)));
    }

    [Fact]
    public void Each_bank_question_classifies_to_its_own_key_and_common_phrasings_to_the_right_class()
    {
        foreach (var key in AnswerKeys.Bank)
            Assert.Equal(new QuestionClass(key.Sensitive ? QuestionCategory.Sensitive : QuestionCategory.Bank, key.Key), QuestionClassifier.Classify(key.Label));
        (string Label, QuestionCategory Category, string? Key)[] cases =
        [
            ("Will you now or in the future require sponsorship for employment visa status (e.g. H-1B)?", QuestionCategory.Sensitive, AnswerKeys.Sponsorship),
            ("Are you legally eligible to work in the United Kingdom?", QuestionCategory.Sensitive, AnswerKeys.WorkAuthorization),
            ("What is your desired compensation?", QuestionCategory.Sensitive, AnswerKeys.SalaryExpectation),
            ("Do you identify as Hispanic or Latino?", QuestionCategory.Sensitive, AnswerKeys.RaceEthnicity),
            ("Are you a protected veteran?", QuestionCategory.Sensitive, AnswerKeys.VeteranStatus),
            ("What is your date of birth?", QuestionCategory.Sensitive, AnswerKeys.Age),
            ("Are you 18 years of age or older?", QuestionCategory.Bank, AnswerKeys.Over18),
            ("GitHub URL", QuestionCategory.Bank, AnswerKeys.GitHub),
            ("Portfolio / personal website", QuestionCategory.Bank, AnswerKeys.Website),
            ("How much notice do you need to give?", QuestionCategory.Bank, AnswerKeys.NoticePeriod),
            ("What is your earliest start date?", QuestionCategory.Bank, AnswerKeys.StartDate),
            ("Would you be open to relocating to Berlin?", QuestionCategory.Bank, AnswerKeys.Relocation),
            ("How did you hear about us?", QuestionCategory.Bank, AnswerKeys.HeardAbout),
            ("Why do you want to work at Acme?", QuestionCategory.FreeText, QuestionClassifier.WhyCompany),
            ("What interests you about this role?", QuestionCategory.FreeText, QuestionClassifier.WhyCompany),
            ("Describe a project you are proud of.", QuestionCategory.FreeText, QuestionClassifier.Project),
            ("Tell us about yourself", QuestionCategory.FreeText, QuestionClassifier.Fit),
            ("Current company", QuestionCategory.Profile, QuestionClassifier.CurrentCompany),
        ];
        foreach (var (label, category, key) in cases)
            Assert.True(new QuestionClass(category, key) == QuestionClassifier.Classify(label), $"{label}: {QuestionClassifier.Classify(label)}");
    }

    [Fact]
    public void Sensitive_answers_are_the_stored_choice_picked_from_the_options_or_left_for_the_candidate()
    {
        var authorized = new FormQuestion("Are you authorized to work in Germany?", ["multi_value_single_select"], ["Yes, I am authorized", "No"]);
        var salary = FormQuestion.Text("What are your salary expectations?");
        var disability = new FormQuestion("Disability status", ["multi_value_single_select"], ["Yes, I have a disability", "No, I do not have a disability", "I do not want to answer"]);
        var empty = FormAnswerComposer.Compose(Sheet(), Posting(), AnswerBank.Empty, [authorized, salary, disability]);
        Assert.All(empty.Lines, l => Assert.Equal(("", FormAnswerComposer.SensitiveReason), (l.Text, l.NeedsCandidate)));

        var bank = new AnswerBank(new Dictionary<string, string> { [AnswerKeys.WorkAuthorization] = "Yes", [AnswerKeys.SalaryExpectation] = "EUR 80,000", [AnswerKeys.DisabilityStatus] = "Prefer not to say" });
        var stored = FormAnswerComposer.Compose(Sheet(), Posting(), bank, [authorized, salary, disability]);
        Assert.Equal("Yes, I am authorized", stored.Lines[0].Text);
        Assert.Equal([AnswerKeys.FactId(AnswerKeys.WorkAuthorization)], stored.Lines[0].FactIds);
        Assert.Null(stored.Lines[0].NeedsCandidate);
        Assert.Equal("EUR 80,000", stored.Lines[1].Text);
        Assert.Equal([AnswerKeys.FactId(AnswerKeys.SalaryExpectation)], stored.Lines[1].FactIds);
        // A stored choice that is none of the options is not mapped to the nearest one.
        Assert.Equal("", stored.Lines[2].Text);
        Assert.Contains("matches none of the options", stored.Lines[2].NeedsCandidate, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_questions_are_composed_from_cited_facts_and_pass_the_check()
    {
        string[] labels = ["Why do you want to work here?", "Describe a project you are proud of", "Why are you a good fit for this role?"];
        var draft = FormAnswerComposer.Compose(Sheet(), Posting(), AnswerBank.Empty, [.. labels.Select(FormQuestion.LongText)]);
        Assert.All(draft.Lines, l => Assert.Null(l.NeedsCandidate));
        Assert.Contains("Acme Data", draft.Lines[0].Text, StringComparison.Ordinal);
        Assert.Contains(draft.Lines[0].FactIds, id => id is "f13" or "f14");
        Assert.Contains("f5", draft.Lines[0].FactIds);
        // No project in the profile: the most relevant bullet stands in, cited.
        var bullet = Assert.Single(DocumentEngineTests.Facts, f => f.Kind == "experience.bullet" && draft.Lines[1].FactIds.Contains(f.Id));
        Assert.Contains(bullet.Value.TrimEnd('.'), draft.Lines[1].Text, StringComparison.Ordinal);
        Assert.Empty(ProvenanceChecker.Check(draft.Lines, Sheet().Evidence(Posting())));
        // With nothing in the profile, the open questions go to the candidate rather than being filled with filler.
        var bare = FormAnswerComposer.Compose(new FactSheet([]), Posting(), AnswerBank.Empty, [.. labels.Select(FormQuestion.LongText)]);
        Assert.All(bare.Lines, l => Assert.Equal(("", FormAnswerComposer.NoEvidenceReason), (l.Text, l.NeedsCandidate)));
    }

    [Theory]
    [InlineData(AnswerKeys.Relocation, "yes", "Yes", null)]
    [InlineData(AnswerKeys.Sponsorship, "maybe", null, "takes Yes or No")]
    [InlineData(AnswerKeys.LinkedIn, "linkedin.com/in/ada", "linkedin.com/in/ada", null)]
    [InlineData(AnswerKeys.LinkedIn, "not a link", null, "web address")]
    [InlineData("favourite_food", "pizza", null, "Unknown answer key")]
    [InlineData(AnswerKeys.NoticePeriod, "  ", "", null)]
    public void Bank_values_are_normalized_or_refused(string key, string value, string? stored, string? error)
    {
        var (normalized, problem) = AnswerBank.Normalize(key, value);
        Assert.Equal(stored, normalized);
        if (error is null) Assert.Null(problem);
        else Assert.Contains(error, problem, StringComparison.Ordinal);
    }

    /// <summary>
    /// The questions of the documented HTML form: each outermost &lt;label&gt; is a question whose own text is the label;
    /// nested labels (checkboxes) and &lt;option&gt;s are its options, and its controls give the field type.
    /// </summary>
    private static List<FormQuestion> HtmlFormQuestions(string html)
    {
        var questions = new List<FormQuestion>();
        var depth = 0;
        var inOption = false;
        var text = new List<string>();
        var options = new List<string>();
        var type = "input_text";
        foreach (Match token in HtmlToken().Matches(html))
        {
            var value = token.Value;
            if (value.StartsWith("<!--", StringComparison.Ordinal)) continue;
            if (value == "<label>")
            {
                if (depth++ == 0) { text.Clear(); options.Clear(); type = "input_text"; }
                continue;
            }
            if (value == "</label>")
            {
                if (--depth == 0 && text.Count > 0) questions.Add(new FormQuestion(string.Join(' ', text), [type], [.. options]));
                continue;
            }
            if (depth == 0) continue;
            if (value.StartsWith("<option", StringComparison.Ordinal)) { inOption = true; continue; }
            if (value.StartsWith("</option", StringComparison.Ordinal)) { inOption = false; continue; }
            if (value.StartsWith('<'))
            {
                if (value.Contains("type=\"file\"", StringComparison.Ordinal)) type = "input_file";
                else if (value.StartsWith("<select", StringComparison.Ordinal)) type = "multi_value_single_select";
                else if (value.Contains("type=\"checkbox\"", StringComparison.Ordinal) && depth > 1) type = "multi_value_multi_select";
                continue;
            }
            var run = Spaces().Replace(value, " ").Trim();
            if (run.Length == 0) continue;
            if (inOption || depth > 1) options.Add(run);
            else text.Add(run);
        }
        return questions;
    }

    private static IEnumerable<string> JsonBlocks(string markdown) =>
        JsonBlock().Matches(markdown).Select(m => string.Join('\n', m.Groups[1].Value.Split('\n')
            .Where(l => l.Trim() != "...").Select(l => Comment().Replace(l, ""))));

    [GeneratedRegex(@"```json\s*\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex JsonBlock();

    [GeneratedRegex(@"\s//.*$")]
    private static partial Regex Comment();

    [GeneratedRegex(@"<!--.*?-->|<[^>]*>|[^<]+", RegexOptions.Singleline)]
    private static partial Regex HtmlToken();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
