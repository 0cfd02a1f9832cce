using Jobsmith.Core.Profiles.Analysis;
using Jobsmith.Core.Profiles.Import;
using Jobsmith.Core.Profiles.Model;
using Jobsmith.Tests.Profiles.Fixtures;
using Jobsmith.Tests.TestSupport;
using Xunit.Abstractions;

namespace Jobsmith.Tests.Profiles;

public sealed class DotinAccuracyTests(ITestOutputHelper output)
{
    private static readonly string[] SkillTypes = ["Job Specific Skills", "Soft Skills", "Tech Tools"];

    // Floors sit just under the figures measured when this test was written (see the printed table).
    private static readonly Dictionary<string, double> F1Floors = new()
    {
        ["Name"] = 0.84, ["Email Address"] = 0.95, ["Designation"] = 0.46, ["Companies worked at"] = 0.33,
        ["Location"] = 0.50, ["Degree"] = 0.40, ["College Name"] = 0.50, ["Graduation Year"] = 0.52, ["Skills"] = 0.38,
    };
    private const double MicroF1Floor = 0.43;

    [SkippableFact]
    public void Entity_F1_on_the_dotin_resumes_stays_above_the_floors()
    {
        var zip = SharedData.Require("resumes", "dotin", "545_cvs_train_v2.zip");
        var analyzer = new ResumeAnalyzer(TimeProvider.System);
        var scores = F1Floors.Keys.ToDictionary(k => k, _ => new EntityScore());
        var records = 0;
        foreach (var record in DotinCorpus.Read(zip))
        {
            records++;
            var resume = analyzer.Analyze(new ExtractedText(ResumeFileKind.PlainText, record.Text));
            foreach (var (type, score) in scores)
                score.Add(Gold(record, type), Predicted(resume, type));
        }
        var micro = new EntityScore();
        foreach (var score in scores.Values) micro.Add(score);
        // Skills are most of the gold and mostly sit in prose, which only the skills catalogue can find.
        var microWithoutSkills = new EntityScore();
        foreach (var (_, score) in scores.Where(s => s.Key != "Skills")) microWithoutSkills.Add(score);

        output.WriteLine($"dotin resumes: {records}; matching = normalized text equality, duplicates collapsed per record");
        output.WriteLine($"{"type",-22} {"P",6} {"R",6} {"F1",6} {"TP",6} {"FP",6} {"FN",6}");
        foreach (var (type, s) in scores.Append(new("micro", micro)).Append(new("micro without skills", microWithoutSkills)))
            output.WriteLine($"{type,-22} {s.Precision,6:0.000} {s.Recall,6:0.000} {s.F1,6:0.000} {s.TruePositives,6} {s.FalsePositives,6} {s.FalseNegatives,6}");

        Assert.Equal(310, records);
        foreach (var (type, floor) in F1Floors)
            Assert.True(scores[type].F1 >= floor, $"{type} F1 {scores[type].F1:0.000} fell below {floor}");
        Assert.True(micro.F1 >= MicroF1Floor, $"micro F1 {micro.F1:0.000} fell below {MicroF1Floor}");
    }

    private static IEnumerable<string> Gold(DotinRecord record, string type) =>
        (type == "Skills" ? SkillTypes : [type]).SelectMany(t => record.Gold.GetValueOrDefault(t) ?? []);

    internal static IEnumerable<string> Predicted(ParsedResume resume, string type) => type switch
    {
        "Name" => Values(resume.Contact.Name),
        "Email Address" => Values(resume.Contact.Email),
        "Designation" => resume.Experience.Select(e => e.Title).Append(resume.Headline).SelectMany(Values).Concat(Values(resume.Mentions.Titles)),
        "Companies worked at" => resume.Experience.SelectMany(e => Values(e.Company)).Concat(Values(resume.Mentions.Employers)),
        "Location" => resume.Experience.Select(e => e.Location).Append(resume.Contact.Location).SelectMany(Values).Concat(Values(resume.Mentions.Places)),
        "Degree" => resume.Education.Where(e => e.Degree is not null).Select(e => DegreeStatement(resume, e)),
        "College Name" => resume.Education.SelectMany(e => Values(e.Institution)),
        "Graduation Year" => resume.Education.SelectMany(e => Values(e.Period)),
        "Skills" => resume.Skills.Select(s => s.Name.Value),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    // The degree as the resume states it, field included: "Bachelor of Science in Computer Science".
    private static string DegreeStatement(ParsedResume resume, EducationEntry entry)
    {
        var start = entry.Degree!.Source.Start;
        var end = entry.Field is { } field && field.Source.FirstLine == entry.Degree.Source.FirstLine ? field.Source.End : entry.Degree.Source.End;
        return resume.Text.Text[start..end];
    }

    private static IEnumerable<string> Values(SourcedText? text) => text is null ? [] : [text.Value];

    private static IEnumerable<string> Values(IEnumerable<SourcedText> texts) => texts.Select(t => t.Value);
}
