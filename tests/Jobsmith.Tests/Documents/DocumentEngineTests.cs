using Jobsmith.Core.Documents;
using Jobsmith.Core.Jobs;
using Jobsmith.Core.Profiles.Store;

namespace Jobsmith.Tests.Documents;

/// <summary>E1, E2, E4, E5: the deterministic engines use the candidate's facts only, and the checker catches anything else.</summary>
public sealed class DocumentEngineTests
{
    internal static readonly ProfileFact[] Facts =
    [
        new("f1", "name", null, "Ada Stone"),
        new("f2", "email", null, "ada@example.com"),
        new("f3", "location", null, "Berlin"),
        new("f4", "skill", null, "Python"),
        new("f5", "skill", null, "Rust"),
        new("f6", "skill", null, "PostgreSQL"),
        new("f7", "skill", null, "Photoshop"),
        new("f8", "experience.title", 0, "Senior Software Engineer"),
        new("f9", "experience.company", 0, "Ferrite"),
        new("f10", "experience.start", 0, "2018-03"),
        new("f11", "experience.end", 0, "Present"),
        new("f12", "experience.bullet", 0, "Organised the team offsite and the weekly demo."),
        new("f13", "experience.bullet", 0, "Built a storage engine in Rust that cut query latency by 30%."),
        new("f14", "experience.bullet", 0, "Designed PostgreSQL schemas for billing."),
        new("f15", "experience.title", 1, "Designer"),
        new("f16", "experience.company", 1, "Inkwell"),
        new("f17", "experience.bullet", 1, "Drew posters in Photoshop."),
        new("f18", "education.degree", 0, "BSc"),
        new("f19", "education.field", 0, "Computer Science"),
        new("f20", "education.institution", 0, "TU Berlin"),
        new("f21", "skill", null, "Kubernetes") { Deleted = true },
    ];

    // Asks for Rust and PostgreSQL, which the profile has, and Kubernetes and Go, which it lacks (Kubernetes was deleted).
    internal static JobPosting Posting() => new()
    {
        SourceKind = "test", ExternalId = "1", Title = "Backend Engineer", Company = "Acme Data",
        Requirements = ["5+ years of Rust", "Kubernetes in production", "Go microservices", "PostgreSQL query tuning"],
        Description = new PostingDescription("We build a query engine in Rust on Kubernetes and Go.", ""),
        Application = new ApplicationRoute(ApplicationType.Form, "test"),
    };

    private static (FactSheet Sheet, PostingTarget Posting, DocumentDraft[] Drafts) Generate()
    {
        var sheet = new FactSheet(Facts);
        var posting = new PostingTarget(Posting());
        return (sheet, posting, [ResumeTailor.Tailor(sheet, posting), CoverLetterComposer.Compose(sheet, posting, 7), FormAnswerComposer.Compose(sheet, posting)]);
    }

    [Fact]
    public void Skills_the_candidate_lacks_never_appear_as_claims_and_every_line_passes_the_check()
    {
        var (sheet, posting, drafts) = Generate();
        Assert.Contains("Kubernetes", posting.Skills);
        Assert.Contains("Go", posting.Skills);
        foreach (var draft in drafts)
        {
            Assert.Empty(ProvenanceChecker.Check(draft.Lines, sheet.Evidence(posting)));
            foreach (var line in draft.Lines)
            {
                Assert.DoesNotContain("Kubernetes", line.Text, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain(line.FactIds, id => id == "f21");
                // Every line that says something about the candidate cites where it came from.
                if (PostingTarget.SkillsIn(line.Text).Count > 0) Assert.NotEmpty(line.FactIds);
            }
        }
        var coverage = ResumeTailor.CoverageOf(drafts[0].Lines, posting);
        Assert.Contains("Rust", coverage.Covered);
        Assert.Contains("Kubernetes", coverage.Missing);
        Assert.Contains("Go", coverage.Missing);
    }

    [Fact]
    public void The_resume_puts_the_postings_skills_first_and_orders_bullets_by_relevance()
    {
        var (_, posting, drafts) = Generate();
        var resume = drafts[0].Lines;
        var relevant = Assert.Single(resume, l => l.Text.StartsWith("Relevant: ", StringComparison.Ordinal));
        // In the order the posting names them.
        var expected = posting.Skills.Where(s => s is "Rust" or "PostgreSQL").ToList();
        Assert.Equal("Relevant: " + string.Join(", ", expected), relevant.Text);
        Assert.Equal(expected.Select(s => s == "Rust" ? "f5" : "f6"), relevant.FactIds);
        Assert.Contains(resume, l => l.Text == "Also: Python, Photoshop");
        var bullets = resume.Where(l => l.Text.StartsWith('•')).Select(l => l.FactIds.Single()).ToList();
        Assert.True(bullets.IndexOf("f13") < bullets.IndexOf("f12"), "the Rust bullet must come before the offsite bullet");
        Assert.True(bullets.IndexOf("f14") < bullets.IndexOf("f12"));
        var header = Assert.Single(resume, l => l.Text.StartsWith("Senior Software Engineer", StringComparison.Ordinal));
        Assert.Equal("Senior Software Engineer, Ferrite · 2018-03 – Present", header.Text);
        Assert.Contains(drafts[0].Notes, n => n.Contains("bullets reordered", StringComparison.Ordinal));
    }

    [Fact]
    public void The_cover_letter_cites_real_evidence_and_its_phrasing_varies_with_the_posting()
    {
        var sheet = new FactSheet(Facts);
        var posting = new PostingTarget(Posting());
        var letters = Enumerable.Range(0, 6).Select(seed => CoverLetterComposer.Compose(sheet, posting, seed)).ToList();
        Assert.True(letters.Select(l => string.Join('\n', l.Lines.Select(x => x.Text))).Distinct().Count() > 1, "every seed gave the same letter");
        var letter = letters[0];
        Assert.Contains(letter.Lines, l => l.Text.Contains("cut query latency by 30%", StringComparison.Ordinal) && l.FactIds.Contains("f13"));
        Assert.Equal("Ada Stone", letter.Lines[^1].Text);
        Assert.InRange(CoverLetterComposer.Words(letter.Lines), 60, CoverLetterComposer.MaxWords);
    }

    [Fact]
    public void Sensitive_form_questions_are_never_answered_for_the_candidate()
    {
        var (_, _, drafts) = Generate();
        var answers = drafts[2].Lines;
        foreach (var question in FormAnswerComposer.SensitiveQuestions)
            Assert.Equal("", Assert.Single(answers, l => l.Section == question).Text);
        Assert.Equal("ada@example.com", Assert.Single(answers, l => l.Section == "Email").Text);
        var fit = Assert.Single(answers, l => l.Section == "Why are you a good fit for this role?");
        Assert.Contains("Rust", fit.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Kubernetes", fit.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("• Built a storage engine in Rust that cut query latency by 30%.", "f13", null)]
    [InlineData("• Built a storage engine in Rust that cut query latency by 60%.", "f13", "60")]
    [InlineData("• Built a storage engine in Rust and Kubernetes.", "f13", "Kubernetes")]
    [InlineData("Senior Software Engineer, Globex · 2018-03 – Present", "f8 f9 f10 f11", "Globex")]
    [InlineData("Senior Software Engineer, Ferrite · 2016-03 – Present", "f8 f9 f10 f11", "2016")]
    [InlineData("Relevant: Rust, Go", "f5", "Go")]
    [InlineData("I am applying for the Backend Engineer role at Acme Data.", "posting.title posting.company", null)]
    [InlineData("I have used Kubernetes at Acme Data.", "posting.company", "Kubernetes")]
    [InlineData("• Built a storage engine.", "f99", "f99")]
    public void The_checker_catches_planted_fabrications(string text, string ids, string? expectedClaim)
    {
        var sheet = new FactSheet(Facts);
        var flags = ProvenanceChecker.Check([new DocumentLine("Any", text, ids.Split(' '))], sheet.Evidence(new PostingTarget(Posting())));
        if (expectedClaim is null) Assert.Empty(flags);
        else Assert.Contains(flags, f => f.Claim == expectedClaim);
    }
}
