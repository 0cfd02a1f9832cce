using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Jobsmith.Tests.Profiles.Store;

namespace Jobsmith.Web.Tests.Profiles;

/// <summary>Walks the wizard the way a browser without JavaScript does: GET a page, post its form with the antiforgery token.</summary>
public sealed partial class OnboardingWizardTests
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("formaction=\"/profile/facts/(v1-\\d+)/delete\"")]
    private static partial Regex FactFormPattern();

    private static async Task<string> TokenAsync(HttpClient browser, string page)
    {
        var html = await browser.GetStringAsync(page);
        return TokenPattern().Match(html).Groups[1].Value;
    }

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient browser, string page, string action, params (string Key, string Value)[] fields)
    {
        var token = await TokenAsync(browser, page);
        return await browser.PostAsync(action, new FormUrlEncodedContent([.. fields.Select(f => KeyValuePair.Create(f.Key, f.Value)), KeyValuePair.Create("__RequestVerificationToken", token)]));
    }

    private static void AssertRedirect(HttpResponseMessage response, string location)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(location, response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_candidate_starts_from_the_resume_resumes_where_they_left_reviews_facts_and_is_ready()
    {
        await using var app = await CandidateWebApp.StartAsync("sqlite");
        var browser = app.Browser();
        AssertRedirect(await PostFormAsync(browser, "/register", "/account/register", ("email", "wizard@example.com"), ("password", "a-long-password-1")), "/dashboard");
        Assert.Contains("href=\"/onboarding\"", await browser.GetStringAsync("/dashboard"), StringComparison.Ordinal);
        AssertRedirect(await browser.GetAsync("/onboarding"), "/onboarding/resume");
        // Nothing to continue with before a resume is read.
        Assert.StartsWith("/onboarding/resume?err.file=", (await PostFormAsync(browser, "/onboarding/resume", "/onboarding/resume")).Headers.Location?.OriginalString, StringComparison.Ordinal);

        var token = await TokenAsync(browser, "/onboarding/resume");
        var upload = new MultipartFormDataContent
        {
            { new ByteArrayContent(Encoding.UTF8.GetBytes(SampleResumes.Text)), "file", "cv.txt" },
            { new StringContent(token), "__RequestVerificationToken" },
        };
        AssertRedirect(await browser.PostAsync("/onboarding/resume/upload", upload), "/onboarding/review?uploaded=1");

        // A returning user (a new browser session) lands on the step they had reached.
        var returning = app.Browser();
        AssertRedirect(await PostFormAsync(returning, "/login", "/account/login", ("email", "wizard@example.com"), ("password", "a-long-password-1")), "/dashboard");
        AssertRedirect(await returning.GetAsync("/onboarding"), "/onboarding/review");
        var review = await returning.GetStringAsync("/onboarding/review");
        Assert.Contains("Source: line 1 of version 1", review, StringComparison.Ordinal);

        var factIds = FactFormPattern().Matches(review).Select(m => m.Groups[1].Value).Distinct().ToList();
        var name = Regex.Match(review, "name=\"fact\\.(v1-\\d+)\" value=\"" + Regex.Escape(SampleResumes.Name)).Groups[1].Value;
        AssertRedirect(await PostFormAsync(returning, "/onboarding/review", "/profile/facts/card", ($"fact.{name}", "Priya K. Raman"), ("card", "card-contact"), ("returnUrl", "/onboarding/review")),
            "/onboarding/review?saved=card-contact#card-contact");
        AssertRedirect(await PostFormAsync(returning, "/onboarding/review", $"/profile/facts/{factIds[^1]}/delete", ("returnUrl", "/onboarding/review")), "/onboarding/review");
        review = await returning.GetStringAsync("/onboarding/review");
        Assert.Contains("value=\"Priya K. Raman\"", review, StringComparison.Ordinal);
        Assert.Contains($"Resume said: {SampleResumes.Name}", review, StringComparison.Ordinal);
        Assert.DoesNotContain($"/profile/facts/{factIds[^1]}/delete\"", review, StringComparison.Ordinal);
        AssertRedirect(await PostFormAsync(returning, "/onboarding/review", "/onboarding/review"), "/onboarding/goals");

        AssertRedirect(await PostFormAsync(returning, "/onboarding/goals", "/onboarding/goals",
            ("titles", "Staff Engineer, Platform Engineer"), ("locations", "Berlin"), ("remote", "hybrid")), "/onboarding/experience");
        Assert.Contains("value=\"Staff Engineer, Platform Engineer\"", await returning.GetStringAsync("/onboarding/goals"), StringComparison.Ordinal);
        var bad = await PostFormAsync(returning, "/onboarding/experience", "/onboarding/experience", ("years", "8"), ("salaryMin", "200000"), ("salaryMax", "100000"), ("currency", "EUR"));
        Assert.StartsWith("/onboarding/experience?err.salaryMax=", bad.Headers.Location?.OriginalString, StringComparison.Ordinal);
        var again = await returning.GetStringAsync(bad.Headers.Location!.OriginalString);
        Assert.Contains("salaryMax must be at least salaryMin", again, StringComparison.Ordinal);
        Assert.Contains("value=\"200000\"", again, StringComparison.Ordinal);
        AssertRedirect(await PostFormAsync(returning, "/onboarding/experience", "/onboarding/experience",
            ("years", "8"), ("level", "senior"), ("salaryMin", "90000"), ("salaryMax", "120000"), ("currency", "eur")), "/onboarding/education");
        AssertRedirect(await PostFormAsync(returning, "/onboarding/education", "/onboarding/education",
            ("degree", "MSc"), ("field", "Distributed Systems"), ("institution", "TU Berlin"), ("end", "2016")), "/onboarding/work-history");
        AssertRedirect(await PostFormAsync(returning, "/onboarding/work-history", "/onboarding/work-history", ("skip", "1")), "/onboarding/done");
        Assert.Contains("TU Berlin", await returning.GetStringAsync("/onboarding/education"), StringComparison.Ordinal);

        var done = await returning.GetStringAsync("/onboarding/done");
        Assert.Contains("Your agents are ready to start", done, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/onboarding\"", await returning.GetStringAsync("/dashboard"), StringComparison.Ordinal);
        AssertRedirect(await returning.GetAsync("/onboarding"), "/onboarding/done");
    }

    [Fact]
    public async Task Forms_without_an_antiforgery_token_are_refused()
    {
        await using var app = await CandidateWebApp.StartAsync("sqlite");
        var browser = app.Browser();
        await PostFormAsync(browser, "/register", "/account/register", ("email", "csrf@example.com"), ("password", "a-long-password-1"));
        var forged = await browser.PostAsync("/onboarding/goals", new FormUrlEncodedContent([KeyValuePair.Create("titles", "Anything")]));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        var forgedPrefs = await browser.PostAsync("/profile/preferences", new FormUrlEncodedContent([KeyValuePair.Create("titles", "Anything")]));
        Assert.Equal(HttpStatusCode.BadRequest, forgedPrefs.StatusCode);
        AssertRedirect(await PostFormAsync(browser, "/profile", "/profile/preferences", ("titles", "SRE"), ("remote", "remote"), ("employmentTypes", "contract")), "/profile?saved=1");
        Assert.Contains("value=\"SRE\"", await browser.GetStringAsync("/profile"), StringComparison.Ordinal);
    }
}
