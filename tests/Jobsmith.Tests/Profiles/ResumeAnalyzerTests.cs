using Jobsmith.Core.Profiles.Analysis;
using Jobsmith.Core.Profiles.Import;
using Jobsmith.Core.Profiles.Model;
using Jobsmith.Tests.Profiles.Fixtures;


namespace Jobsmith.Tests.Profiles;

public sealed class ResumeAnalyzerTests
{
    private const string Resume = """
        Jane Doe
        Senior Software Engineer
        Boston, MA | jane.doe@example.com | +1 (617) 555-0199 | https://github.com/janedoe

        SUMMARY
        Backend engineer with nine years of experience building payment systems in C# and Go.

        WORK EXPERIENCE
        Senior Software Engineer
        Acme Payments Inc. - Boston, MA
        March 2019 to Present
        • Led the migration of the ledger to PostgreSQL
        • Cut settlement time by 40 percent
          across three regions

        Software Engineer
        Globex Corporation - New York, NY
        June 2015 - February 2019
        - Built the fraud scoring service on Kubernetes

        EDUCATION
        Bachelor of Science in Computer Science
        Northeastern University
        2011 - 2015

        SKILLS
        C#, Go, PostgreSQL (5 years), Kafka, Docker
        """;

    private static ParsedResume Analyze()
    {
        var clock = new FixedClock(new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero));
        return new ResumeAnalyzer(clock).Analyze(new ExtractedText(ResumeFileKind.PlainText, Resume));
    }

    [Fact]
    public void Finds_contact_details_with_provenance()
    {
        var resume = Analyze();
        Assert.Equal("Jane Doe", resume.Contact.Name?.Value);
        Assert.Equal("jane.doe@example.com", resume.Contact.Email?.Value);
        Assert.Equal("+1 (617) 555-0199", resume.Contact.Phone?.Value);
        Assert.Equal("Boston, MA", resume.Contact.Location?.Value);
        Assert.Equal("https://github.com/janedoe", Assert.Single(resume.Contact.Links).Url.Value);
        AssertProvenance(resume, resume.Contact.Email!);
        Assert.Equal(3, resume.Contact.Email!.Source.FirstLine);
    }

    [Fact]
    public void Finds_jobs_with_dates_and_separate_bullets()
    {
        var resume = Analyze();
        Assert.Equal(2, resume.Experience.Count);
        var current = resume.Experience[0];
        Assert.Equal("Senior Software Engineer", current.Title?.Value);
        Assert.Equal("Acme Payments Inc.", current.Company?.Value);
        Assert.Equal("Boston, MA", current.Location?.Value);
        Assert.Equal(new PartialDate(2019, 3), current.Start);
        Assert.True(current.IsCurrent);
        Assert.Equal(["Led the migration of the ledger to PostgreSQL", "Cut settlement time by 40 percent across three regions"],
            current.Bullets.Select(b => b.Value));
        var previous = resume.Experience[1];
        Assert.Equal("Globex Corporation", previous.Company?.Value);
        Assert.Equal(new PartialDate(2019, 2), previous.End);
        foreach (var fact in new[] { current.Title!, current.Company!, previous.Title!, current.Bullets[0] }) AssertProvenance(resume, fact);
    }

    [Fact]
    public void Finds_education_skills_summary_and_years()
    {
        var resume = Analyze();
        var school = Assert.Single(resume.Education);
        Assert.Equal("Bachelor of Science", school.Degree?.Value);
        Assert.Equal("Computer Science", school.Field?.Value);
        Assert.Equal("Northeastern University", school.Institution?.Value);
        Assert.Equal(new PartialDate(2015), school.End);
        // The skills list first, in its order; then skills named only in prose. C# and Go also appear in
        // the summary and PostgreSQL in a bullet: each skill is listed once.
        Assert.Equal(["C#", "Go", "PostgreSQL", "Kafka", "Docker"], resume.Skills.Take(5).Select(s => s.Name.Value));
        Assert.All(resume.Skills.Take(5), s => Assert.Equal("technical", s.Category));
        Assert.Equal(resume.Skills.Count, resume.Skills.Select(s => s.SkillId).Distinct().Count());
        Assert.Equal("Apache Kafka", resume.Skills[3].Canonical);
        var prose = Assert.Single(resume.Skills, s => s.Name.Value == "Kubernetes");
        Assert.Equal("Kubernetes", prose.Canonical);
        Assert.Contains("fraud scoring", resume.Text.Lines[prose.Name.Source.FirstLine - 1].Text, StringComparison.Ordinal);
        AssertProvenance(resume, prose.Name);
        Assert.StartsWith("Backend engineer", resume.Summary?.Value, StringComparison.Ordinal);
        // June 2015 to March 2025 without double counting: 9 years 9 months.
        Assert.Equal(9.8, resume.TotalYearsOfExperience);
        Assert.Contains(resume.Sections, s => s.Kind == ResumeSectionKind.Skills && s.Heading == "SKILLS");
    }

    [Fact]
    public void Skills_the_catalogue_does_not_know_are_kept_without_a_canonical_name()
    {
        var resume = new ResumeAnalyzer(TimeProvider.System).Analyze(new ExtractedText(ResumeFileKind.PlainText,
            "Jane Doe\n\nSKILLS\nk8s, Quarkblend Studio, python"));
        Assert.Equal(["k8s", "Quarkblend Studio", "python"], resume.Skills.Select(s => s.Name.Value));
        Assert.Equal(["Kubernetes", null, "Python"], resume.Skills.Select(s => s.Canonical));
        Assert.Null(resume.Skills[1].Category);
    }

    [Fact]
    public void A_degree_stated_outside_an_education_section_is_still_education()
    {
        var resume = new ResumeAnalyzer(TimeProvider.System).Analyze(new ExtractedText(ResumeFileKind.PlainText,
            "Jane Doe\n\nPROFILE\nMaster of Business Administration, Harvard Business School, 2012\nOperations leader."));
        var entry = Assert.Single(resume.Education);
        Assert.Equal("Master of Business Administration", entry.Degree?.Value);
        Assert.Equal("Harvard Business School", entry.Institution?.Value);
        Assert.Equal(new PartialDate(2012), entry.End);
    }

    [Fact]
    public void Completeness_lists_what_is_missing()
    {
        var full = Analyze();
        Assert.Equal(100, full.Completeness.Score);
        Assert.Empty(full.Completeness.Missing);

        var thin = new ResumeAnalyzer(TimeProvider.System).Analyze(new ExtractedText(ResumeFileKind.PlainText, "Jane Doe\njane@example.com\nI like computers and would like a job."));
        Assert.Equal(["phone", "location", "links", "summary", "experience", "education", "skills"], thin.Completeness.Missing);
        Assert.Equal(20, thin.Completeness.Score);
        Assert.Equal(100, CompletenessScorer.Weights.Sum(w => w.Weight));
    }

    private static void AssertProvenance(ParsedResume resume, SourcedText fact)
    {
        Assert.Equal(fact.Value, resume.Text.Text[fact.Source.Start..fact.Source.End]);
        Assert.Equal(fact.Source.FirstLine, resume.Text.Lines.First(l => l.Start <= fact.Source.Start && fact.Source.Start <= l.End).Number);
    }
}
