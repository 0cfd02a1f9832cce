using Jobsmith.Channels.BrowserForm;
using Jobsmith.Core.Applications.Submission;
using Jobsmith.Core.Documents.Answers;

namespace Jobsmith.Tests.Applications.Channels;

/// <summary>
/// F4: what stops the browser and hands the application to a person, with the reason and a screenshot — and
/// nothing sent; and after the final click, an unclear answer is Unknown, never "not sent".
/// </summary>
public sealed class EscalationTests(BrowserFormFixture fixture) : IClassFixture<BrowserFormFixture>
{
    private IReadOnlyList<ReceivedApplication> Received(string prefix) => fixture.Sites.ReceivedBy(TroubleSites.Site + prefix);

    private static void AssertEscalated(SubmissionResult result, string reason)
    {
        Assert.True(result.Outcome == SubmissionOutcome.Escalate, $"{result.Outcome}: {result.Details}");
        Assert.Equal(reason, result.Escalation);
        var shot = Assert.Single(result.ProofItems, p => p.Kind == ProofKinds.Escalation);
        Assert.Equal("image/png", shot.ContentType);
        Assert.True(shot.Content.Length > 1000);
    }

    [SkippableTheory]
    [InlineData("recaptcha", "reCAPTCHA")]
    [InlineData("hcaptcha", "hCaptcha")]
    [InlineData("turnstile", "Cloudflare Turnstile")]
    public async Task A_captcha_stops_the_browser_before_anything_is_typed(string kind, string named)
    {
        BrowserFormFixture.RequireChromium();
        var url = TroubleSites.Captcha(fixture.Sites, kind);

        var run = await fixture.Channel().RunAsync(fixture.Package(url), CancellationToken.None);

        AssertEscalated(run.Result, EscalationReasons.Captcha);
        Assert.Contains(named, run.Result.Details, StringComparison.Ordinal);
        Assert.Empty(run.Fields);
        Assert.Empty(Received($"/captcha/{kind}"));
    }

    [SkippableFact]
    public async Task A_login_wall_is_escalated_and_no_credentials_are_typed()
    {
        BrowserFormFixture.RequireChromium();
        var url = TroubleSites.LoginWall(fixture.Sites);

        var run = await fixture.Channel().RunAsync(fixture.Package(url), CancellationToken.None);

        AssertEscalated(run.Result, EscalationReasons.LoginWall);
        Assert.Empty(run.Fields);
        Assert.Empty(Received("/login"));
    }

    [SkippableFact]
    public async Task Required_questions_only_the_candidate_can_answer_are_named_and_nothing_is_sent()
    {
        BrowserFormFixture.RequireChromium();
        var url = TroubleSites.UnknownQuestion(fixture.Sites);
        // This candidate has not stored a work authorisation answer: a sensitive question is never guessed.
        var bank = new AnswerBank(BrowserFormFixture.Stored.Where(kv => kv.Key != AnswerKeys.WorkAuthorization).ToDictionary(kv => kv.Key, kv => AnswerBank.Normalize(kv.Key, kv.Value).Value!));

        var run = await fixture.Channel().RunAsync(fixture.Package(url, bank: bank), CancellationToken.None);

        AssertEscalated(run.Result, EscalationReasons.UnknownQuestion);
        Assert.Equal(["Which of our three office mascots do you like best?", "Are you legally authorized to work in the United States?"], run.OpenQuestions);
        Assert.Contains("office mascots", run.Result.Details, StringComparison.Ordinal);
        // Everything else was prepared, so the person who takes over sees it filled.
        Assert.Contains(run.Fields, f => f.Name == "name" && f.Value == "Maya Okafor");
        Assert.Contains(run.Fields, f => f.Name == "mascot" && f.Value is null);
        Assert.Single(run.Uploads);
        Assert.Empty(Received("/unknown"));
    }

    [SkippableFact]
    public async Task A_file_over_the_sites_size_limit_is_escalated_as_rejected()
    {
        BrowserFormFixture.RequireChromium();
        var url = TroubleSites.SizeLimit(fixture.Sites, 100 * 1024);
        var large = fixture.ResumePdf.Concat(new byte[300 * 1024]).ToArray();

        var run = await fixture.Channel().RunAsync(fixture.Package(url, resume: large), CancellationToken.None);

        AssertEscalated(run.Result, EscalationReasons.FileRejected);
        Assert.Contains("exceeds the maximum size of 100 KB", run.Result.Details, StringComparison.Ordinal);
        Assert.Empty(Received("/limit"));
    }

    [SkippableFact]
    public async Task A_server_error_page_is_escalated_as_a_site_error()
    {
        BrowserFormFixture.RequireChromium();
        var url = TroubleSites.BrokenPage(fixture.Sites);

        var run = await fixture.Channel().RunAsync(fixture.Package(url), CancellationToken.None);

        AssertEscalated(run.Result, EscalationReasons.SiteError);
        Assert.Contains("HTTP 500", run.Result.Details, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_form_over_the_complexity_limit_is_escalated_before_it_is_filled()
    {
        BrowserFormFixture.RequireChromium();
        var url = TroubleSites.Huge(fixture.Sites, 70);

        var run = await fixture.Channel().RunAsync(fixture.Package(url), CancellationToken.None);

        AssertEscalated(run.Result, EscalationReasons.Complexity);
        Assert.Contains("73 fields", run.Result.Details, StringComparison.Ordinal);
        Assert.Empty(run.Fields);
        Assert.Empty(Received("/huge"));
    }

    [SkippableFact]
    public async Task A_server_error_after_the_final_click_is_unknown_not_unsent()
    {
        BrowserFormFixture.RequireChromium();
        var url = TroubleSites.FailingSubmit(fixture.Sites);

        var result = await fixture.Channel().SubmitAsync(fixture.Package(url), CancellationToken.None);

        Assert.True(result.Outcome == SubmissionOutcome.Unknown, $"{result.Outcome}: {result.Details}");
        Assert.Contains("502", result.Details, StringComparison.Ordinal);
        // The site did store it: exactly why a retry must wait for a person.
        Assert.Single(Received("/failing"));
    }

    [SkippableFact]
    public async Task Silence_after_the_final_click_is_unknown_not_unsent()
    {
        BrowserFormFixture.RequireChromium();
        using var release = new CancellationTokenSource();
        var url = TroubleSites.SilentSubmit(fixture.Sites, release.Token);
        var channel = fixture.Channel(new BrowserFormOptions { ConfirmationTimeout = TimeSpan.FromSeconds(2) });

        var result = await channel.SubmitAsync(fixture.Package(url), CancellationToken.None);
        await release.CancelAsync();

        Assert.True(result.Outcome == SubmissionOutcome.Unknown, $"{result.Outcome}: {result.Details}");
        Assert.Contains("No confirmation", result.Details, StringComparison.Ordinal);
        Assert.Single(Received("/silent"));
    }
}
