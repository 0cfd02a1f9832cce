using Jobsmith.Core.Jobs;
using Jobsmith.Core.Jobs.Dedupe;
using Jobsmith.Core.Jobs.Normalization;

namespace Jobsmith.Tests.Jobs;

public sealed class NormalizationRuleTests
{
    [Theory]
    [InlineData("hybrid", null, "Engineer", "Berlin", RemoteType.Hybrid)]
    [InlineData("on-site", true, "Engineer", "Remote", RemoteType.Onsite)]
    [InlineData(null, true, "Engineer", "Berlin", RemoteType.Remote)]
    [InlineData(null, false, "Engineer", "Berlin", RemoteType.Onsite)]
    [InlineData(null, null, "Engineer (Hybrid)", "Berlin", RemoteType.Hybrid)]
    [InlineData(null, false, "Engineer", "Remote US", RemoteType.Remote)]
    [InlineData(null, null, "Engineer", "Berlin", RemoteType.Unknown)]
    public void Remote_type_prefers_explicit_fields(string? workplace, bool? flag, string title, string location, RemoteType expected) =>
        Assert.Equal(expected, RemoteTypes.Decide(workplace, flag, title, [location]));

    [Theory]
    [InlineData("FullTime", EmploymentType.FullTime)]
    [InlineData("full_time", EmploymentType.FullTime)]
    [InlineData("FULL_TIME", EmploymentType.FullTime)]
    [InlineData("Part-time", EmploymentType.PartTime)]
    [InlineData("Intern", EmploymentType.Internship)]
    [InlineData("Working Student", EmploymentType.Internship)]
    [InlineData("Contract", EmploymentType.Contract)]
    [InlineData("Temporary", EmploymentType.Temporary)]
    [InlineData("whatever", EmploymentType.Unknown)]
    public void Employment_types_from_every_spelling(string value, EmploymentType expected) =>
        Assert.Equal(expected, EmploymentTypes.Parse(value));

    [Theory]
    [InlineData("Senior Software Engineer", null, Seniority.Senior)]
    [InlineData("Sr. Data Analyst", null, Seniority.Senior)]
    [InlineData("Staff Machine Learning Engineer", null, Seniority.Staff)]
    [InlineData("Engineering Intern (Spring 2026)", null, Seniority.Intern)]
    [InlineData("Head of Growth", null, Seniority.Director)]
    [InlineData("VP Engineering", null, Seniority.Executive)]
    [InlineData("Junior People Operations Associate", null, Seniority.Junior)]
    [InlineData("Software Engineer II", null, Seniority.Mid)]
    [InlineData("Java Developer", "5-10 Yrs", Seniority.Senior)]
    [InlineData("Support Executive", "0-1 Yrs", Seniority.Junior)]
    [InlineData("Data Engineer", "Mid-level", Seniority.Mid)]
    [InlineData("Data Engineer", null, Seniority.Unknown)]
    public void Seniority_from_title_then_experience(string title, string? experience, Seniority expected) =>
        Assert.Equal(expected, Seniorities.Decide(title, experience));

    [Fact]
    public void Application_routes_record_the_rule_that_decided()
    {
        Assert.Equal(new ApplicationRoute(ApplicationType.Email, "mailto-apply-url"),
            ApplicationRoutes.Decide(new Uri("mailto:jobs@example.com"), null, null, "", false));
        Assert.Equal(new ApplicationRoute(ApplicationType.Email, "email-in-description"),
            ApplicationRoutes.Decide(null, null, null, "Please send your CV to hiring@example.com.", false));
        Assert.Equal(new ApplicationRoute(ApplicationType.Complex, "account-based-portal:myworkdayjobs.com"),
            ApplicationRoutes.Decide(new Uri("https://acme.wd5.myworkdayjobs.com/en-US/jobs/job/123"), null, ["first_name"], "", false));
        Assert.Equal(new ApplicationRoute(ApplicationType.EasyApply, "standard-questions-only"),
            ApplicationRoutes.Decide(new Uri("https://boards.greenhouse.io/x/jobs/1"), null, ["first_name", "email", "resume"], "", false));
        Assert.Equal(new ApplicationRoute(ApplicationType.Form, "custom-questions:1"),
            ApplicationRoutes.Decide(new Uri("https://boards.greenhouse.io/x/jobs/1"), null, ["first_name", "question_2222"], "", false));
        Assert.Equal(new ApplicationRoute(ApplicationType.Form, "hosted-ats-form:ashbyhq.com"),
            ApplicationRoutes.Decide(new Uri("https://jobs.ashbyhq.com/x/1/application"), null, null, "", false));
        Assert.Equal(new ApplicationRoute(ApplicationType.Complex, "unknown-external-site"),
            ApplicationRoutes.Decide(new Uri("https://careers.example.com/1"), null, null, "", false));
        Assert.Equal("easy_apply", ApplicationRoutes.Decide(new Uri("https://www.linkedin.com/jobs/view/1"), null, null, "", true).WireName);
    }

    [Theory]
    [InlineData("https://WWW.Example.com/jobs/1/?utm_source=x&utm_medium=y&gclid=abc&b=2&a=1#apply", "https://example.com/jobs/1?a=1&b=2")]
    [InlineData("http://example.com/jobs/1?ref=linkedin", "https://example.com/jobs/1")]
    [InlineData("https://www.linkedin.com/jobs/view/3941234567?position=1&pageNum=0&refId=abc&trackingId=def", "https://linkedin.com/jobs/view/3941234567?pageNum=0&position=1")]
    [InlineData("https://example.com:8443/a/", "https://example.com:8443/a")]
    public void Canonical_urls_drop_tracking_and_spelling_differences(string url, string expected) =>
        Assert.Equal(expected, UrlCanonicalizer.Canonicalize(new Uri(url)).AbsoluteUri);

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("file:///etc/passwd")]
    [InlineData("/relative/path")]
    public void Unsafe_links_are_dropped(string url) => Assert.Null(JobPostingNormalizer.SafeUri(url));

    [Fact]
    public void A_draft_without_a_title_is_rejected_with_a_reason()
    {
        var error = Assert.Throws<PostingFormatException>(() => JobPostingNormalizer.Normalize(new PostingDraft { SourceKind = "test", Title = "  " }));
        Assert.Equal("posting has no title", error.Message);
    }

    [Fact]
    public void Requirements_come_from_bullets_under_a_requirements_heading()
    {
        var blocks = HtmlText.ToBlocks("<p>About us</p><ul><li>Free lunch</li></ul><h3>What you'll bring</h3><ul><li>Go</li><li>SQL</li></ul><h3>Benefits</h3><ul><li>Pension</li></ul>");

        Assert.Equal(["Go", "SQL"], Requirements.Extract(blocks));
    }
}
