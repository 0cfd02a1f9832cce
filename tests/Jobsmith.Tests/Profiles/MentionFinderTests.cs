using Jobsmith.Core.Profiles.Analysis;
using Jobsmith.Core.Profiles.Import;
using Jobsmith.Core.Profiles.Model;

namespace Jobsmith.Tests.Profiles;

public sealed class MentionFinderTests
{
    private const string Resume = """
        Tamika Schaden
        Java Developer/Senior Systems Engineer - Infosys Limited

        SUMMARY
        Product Manager
        Team member of the year

        EXPERIENCE
        Copywriter, Saatchi Media Group, London
        2012 to 2015
        • Wrote print campaigns

        Publications
        Media Group of Nowhere Ltd
        """;

    private static ParsedResume Analyze() =>
        new ResumeAnalyzer(TimeProvider.System).Analyze(new ExtractedText(ResumeFileKind.PlainText, Resume));

    [Fact]
    public void Titles_named_outside_entries_are_mentions_and_slash_joined_roles_are_split()
    {
        var resume = Analyze();

        var titles = resume.Mentions.Titles.Select(t => t.Value).ToList();
        Assert.Contains("Product Manager", titles);
        Assert.Contains("Java Developer", titles);
        Assert.Contains("Senior Systems Engineer", titles);
        // Ends in a title word, but the title catalogue knows no such role.
        Assert.DoesNotContain("Team member of the year", titles);
        foreach (var title in resume.Mentions.Titles)
            Assert.Equal(title.Value, resume.Text.Text[title.Source.Start..title.Source.End]);
    }

    [Fact]
    public void A_town_after_the_employer_is_the_jobs_place_and_employers_come_only_from_job_sections()
    {
        var resume = Analyze();

        var job = Assert.Single(resume.Experience);
        Assert.Equal("Copywriter", job.Title?.Value);
        Assert.Equal("Saatchi Media Group", job.Company?.Value);
        Assert.Equal("London", job.Location?.Value);
        Assert.Contains("Infosys Limited", resume.Mentions.Employers.Select(e => e.Value));
        Assert.DoesNotContain("Media Group of Nowhere Ltd", resume.Mentions.Employers.Select(e => e.Value));
    }
}
