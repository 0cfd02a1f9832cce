using Jobsmith.Core.Profiles.Analysis;
using Jobsmith.Core.Profiles.Import;
using Jobsmith.Core.Profiles.Model;
using Jobsmith.Tests.Profiles.Fixtures;

namespace Jobsmith.Tests.Profiles;

/// <summary>
/// What PDF layouts leave behind is never taken as a fact (B2): icon-font bullets extracted as "!", profile-site labels
/// on the contact line, a "PATENTS" section heading, and the patents under it.
/// </summary>
public sealed class ResumeJunkTests
{
    private const string Resume = """
        Maria Keller
        Senior Backend Engineer
        Berlin, Germany | maria.keller@example.com | +49 30 1234 5678
        LinkedIn | GitHub

        EXPERIENCE
        Senior Backend Engineer
        Finlytics GmbH - Berlin, Germany
        March 2019 - Present
        !
        ! Led the move of the settlement ledger to PostgreSQL, cutting batch time by 60%
        • Built the Kafka event pipeline for card payments
        

        PATENTS
        US 10,123,456 B2: Method for reconciling distributed ledgers
        EP 3 456 789: Fraud scoring with streaming features

        EDUCATION
        M.Sc. Computer Science
        Technische Universität München
        2012 - 2014

        SKILLS
        Java, Kotlin, PostgreSQL, Kafka, Docker
        VOLUNTEERING
        Code club mentor for teenagers
        """;

    private static ParsedResume Analyze(string text = Resume) =>
        new ResumeAnalyzer(new FixedClock(new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero))).Analyze(new ExtractedText(ResumeFileKind.PlainText, text));

    [Fact]
    public void Icon_glyph_lines_are_no_bullets_and_an_exclamation_mark_bullet_is_a_marker()
    {
        var job = Assert.Single(Analyze().Experience);
        Assert.Equal(
            ["Led the move of the settlement ledger to PostgreSQL, cutting batch time by 60%", "Built the Kafka event pipeline for card payments"],
            job.Bullets.Select(b => b.Value));
    }

    [Fact]
    public void Patents_get_their_own_section_and_never_become_job_bullets()
    {
        var resume = Analyze();
        Assert.Contains(resume.Sections, s => s.Heading == "PATENTS" && s.Kind == ResumeSectionKind.Other);
        Assert.DoesNotContain(resume.Experience.SelectMany(e => e.Bullets), b => b.Value.Contains("US 10,123,456", StringComparison.Ordinal));
    }

    [Fact]
    public void Profile_site_names_on_the_contact_line_and_unknown_headings_are_no_skills()
    {
        var skills = Analyze().Skills.Select(s => s.Name.Value).ToList();
        Assert.DoesNotContain(skills, s => s.Equals("LinkedIn", StringComparison.OrdinalIgnoreCase) || s.Equals("GitHub", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain("PATENTS", skills);
        Assert.DoesNotContain("VOLUNTEERING", skills);
        Assert.Contains("Kotlin", skills);
        Assert.Contains("PostgreSQL", skills);
    }

    [Fact]
    public void A_skill_the_candidate_lists_stays_a_skill_even_when_it_is_a_site()
    {
        var skills = Analyze(Resume.Replace("Java, Kotlin, PostgreSQL, Kafka, Docker", "Java, GitHub Actions, AWS", StringComparison.Ordinal))
            .Skills.Select(s => s.Name.Value).ToList();
        Assert.Contains("GitHub Actions", skills);
        Assert.Contains("AWS", skills);
    }
}
