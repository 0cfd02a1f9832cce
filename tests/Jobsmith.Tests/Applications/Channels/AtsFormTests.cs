using System.Text;
using Jobsmith.Core.Applications.Submission;
using Jobsmith.Core.Documents.Answers;
using Jobsmith.Tests.TestSupport;

namespace Jobsmith.Tests.Applications.Channels;

/// <summary>
/// F3/F7: the browser form channel in real Chromium against ATS-like sites on loopback. Each site records what it
/// received; the tests check every field's value, the uploaded bytes, the key in the hidden field and the proof.
/// </summary>
public sealed class AtsFormTests(BrowserFormFixture fixture) : IClassFixture<BrowserFormFixture>
{
    private static readonly byte[] PngMagic = [0x89, 0x50, 0x4E, 0x47];

    [SkippableFact]
    public async Task Greenhouse_like_form_is_filled_from_the_profile_and_bank_and_confirmed()
    {
        BrowserFormFixture.RequireChromium();
        var url = GreenhouseLikeSite.Install(fixture.Sites, GreenhouseLikeSite.EmbeddedJob, "/gh-embedded");
        var package = fixture.Package(url);

        var run = await fixture.Channel().RunAsync(package, CancellationToken.None);
        await BrowserFormFixture.SaveProofAsync("greenhouse", run.Result);

        Assert.True(run.Result.Outcome == SubmissionOutcome.Sent, run.Result.Details);
        Assert.Contains("GH-448812", run.Result.Confirmation, StringComparison.Ordinal);
        var received = Assert.Single(fixture.Sites.ReceivedBy(GreenhouseLikeSite.Site), r => r.Field("idempotency_key") == package.IdempotencyKey);
        Assert.Equal("7001", received.Field("id"));
        Assert.Equal("Maya", received.Field("first_name"));
        Assert.Equal("Okafor", received.Field("last_name"));
        Assert.Equal("maya.okafor@example.com", received.Field("email"));
        Assert.Equal("+1 415 555 0137", received.Field("phone"));
        Assert.Equal("San Francisco, CA", received.Field("location"));
        Assert.Equal("", received.Field("latitude"));
        Assert.Equal("https://www.linkedin.com/in/mayaokafor", received.Field("question_5555"));
        Assert.Equal("0", received.Field("question_3333")); // sponsorship: the stored "No"
        Assert.Equal("11", received.Field("question_4444")); // heard about: LinkedIn
        Assert.Equal("4 weeks", received.Field("question_6666"));
        Assert.Equal("1", received.Field("question_7777[]")); // travel: only the "Yes" box
        // The open question gets exactly the answer composed from the candidate's facts, nothing the channel made up.
        var why = received.Field("question_8888")!;
        Assert.Equal(package.Answers.Answer([FormQuestion.LongText("Why do you want to work here?")])[0].Text, why);
        Assert.Contains("Backend Engineer", why, StringComparison.Ordinal);
        // Text boxes for pasting a document: the letter's text goes in, a resume only ever as its file.
        Assert.Equal("", received.Field("resume_text"));
        Assert.Equal("I build payment systems in Rust.", received.Field("cover_letter_text"));
        Assert.Equal(fixture.ResumePdf, received.Files["resume"].Content);
        Assert.Equal("Maya-Okafor-resume.pdf", received.Files["resume"].FileName);
        Assert.Equal("application/pdf", received.Files["resume"].ContentType);
        Assert.Equal(fixture.CoverLetter, received.Files["cover_letter"].Content);

        Assert.Equal(2, run.Uploads.Count);
        Assert.Contains(run.Result.ProofItems, p => p.Kind == ProofKinds.FilledForm && p.Content.AsSpan(0, 4).SequenceEqual(PngMagic));
        Assert.Contains(run.Result.ProofItems, p => p.Kind == ProofKinds.Confirmation && p.Content.AsSpan(0, 4).SequenceEqual(PngMagic));
        Assert.Contains("Will you now or in the future require visa sponsorship?: (your stored answer)", run.Result.Filled!);
        Assert.Contains("First Name: Maya", run.Result.Filled!);
    }

    [SkippableFact]
    public async Task Greenhouse_example_job_from_the_shared_data_is_filled_from_its_own_question_types()
    {
        BrowserFormFixture.RequireChromium();
        var path = SharedData.Require("forms", "greenhouse", "job_with_questions_example.json");
        var url = GreenhouseLikeSite.Install(fixture.Sites, await File.ReadAllTextAsync(path), "/gh-shared");
        var package = fixture.Package(url);

        var run = await fixture.Channel().RunAsync(package, CancellationToken.None);

        Assert.True(run.Result.Outcome == SubmissionOutcome.Sent, run.Result.Details);
        var received = Assert.Single(fixture.Sites.ReceivedBy(GreenhouseLikeSite.Site), r => r.Field("idempotency_key") == package.IdempotencyKey);
        Assert.Equal("44444", received.Field("id"));
        Assert.Equal("Maya", received.Field("first_name"));
        Assert.Equal("San Francisco, CA", received.Field("location"));
        Assert.Equal(fixture.ResumePdf, received.Files["resume"].Content);
        // "Do you like apples?" is optional and nothing in the profile answers it: left alone, never guessed.
        Assert.Equal("", received.Field("question_2222"));
        Assert.Contains(run.Fields, f => f.Label == "Do you like apples?" && f.Value is null && f.Source == "unknown");
    }

    [SkippableFact]
    public async Task Lever_like_form_without_label_elements_is_read_from_its_question_text()
    {
        BrowserFormFixture.RequireChromium();
        var url = LeverLikeSite.Install(fixture.Sites);
        var package = fixture.Package(url);

        var run = await fixture.Channel().RunAsync(package, CancellationToken.None);

        Assert.True(run.Result.Outcome == SubmissionOutcome.Sent, run.Result.Details);
        var received = Assert.Single(fixture.Sites.ReceivedBy(LeverLikeSite.Site));
        Assert.Equal("Maya Okafor", received.Field("name"));
        Assert.Equal("maya.okafor@example.com", received.Field("email"));
        Assert.Equal("+1 415 555 0137", received.Field("phone"));
        Assert.Equal("Ledgerline", received.Field("org"));
        Assert.Equal("https://www.linkedin.com/in/mayaokafor", received.Field("urls[LinkedIn]"));
        Assert.Equal("https://github.com/mayaokafor", received.Field("urls[GitHub]"));
        Assert.Equal("No", received.Field("cards[c1][field0]"));
        Assert.Equal("", received.Field("comments"));
        Assert.Equal(fixture.ResumePdf, received.Files["resume"].Content);
        Assert.Contains(run.Fields, f => f.Label == "Resume/CV" && f.Required && f.Kind == "file");
    }

    [SkippableFact]
    public async Task Ashby_like_app_with_a_custom_dropdown_a_searchable_combobox_and_a_fetch_submit()
    {
        BrowserFormFixture.RequireChromium();
        var url = AshbyLikeSite.Install(fixture.Sites);
        var package = fixture.Package(url);

        var run = await fixture.Channel().RunAsync(package, CancellationToken.None);
        await BrowserFormFixture.SaveProofAsync("ashby", run.Result);

        Assert.True(run.Result.Outcome == SubmissionOutcome.Sent, run.Result.Details);
        var received = Assert.Single(fixture.Sites.ReceivedBy(AshbyLikeSite.Site));
        Assert.Equal("Maya Okafor", received.Field("name"));
        Assert.Equal("maya.okafor@example.com", received.Field("email"));
        Assert.Equal("+1 415 555 0137", received.Field("phone"));
        Assert.Equal("LinkedIn", received.Field("heard"));
        Assert.Equal("San Francisco, CA", received.Field("location"));
        Assert.Equal("no", received.Field("sponsor"));
        Assert.Equal("January 2027", received.Field("start"));
        Assert.Equal(fixture.ResumePdf, received.Files["resume"].Content);
    }

    [SkippableFact]
    public async Task Workday_like_wizard_is_walked_page_by_page_and_submitted_from_the_review()
    {
        BrowserFormFixture.RequireChromium();
        var url = WorkdayLikeSite.Install(fixture.Sites);
        var package = fixture.Package(url);

        var run = await fixture.Channel().RunAsync(package, CancellationToken.None);
        await BrowserFormFixture.SaveProofAsync("workday", run.Result);

        Assert.True(run.Result.Outcome == SubmissionOutcome.Sent, run.Result.Details);
        Assert.Equal(4, run.Pages);
        var received = Assert.Single(fixture.Sites.ReceivedBy(WorkdayLikeSite.Site));
        Assert.Equal("Maya", received.Field("firstName"));
        Assert.Equal("Okafor", received.Field("lastName"));
        Assert.Equal("maya.okafor@example.com", received.Field("email"));
        Assert.Equal("+1 415 555 0137", received.Field("phone"));
        Assert.Equal("San Francisco, CA", received.Field("city"));
        Assert.Equal("https://www.linkedin.com/in/mayaokafor", received.Field("linkedin"));
        Assert.Equal("Yes", received.Field("workAuth"));
        Assert.Equal("4 weeks", received.Field("notice"));
        Assert.Equal("No", received.Field("relocate"));
        Assert.Equal("Maya-Okafor-resume.pdf", received.Field("resumeName"));
        Assert.Equal(fixture.ResumePdf, Convert.FromBase64String(received.Field("resumeBase64")!));
        Assert.Contains(run.Fields, f => f.AutomationId == "legalNameSection_firstName" && f.Value == "Maya" && f.Page == 1);
        Assert.Contains(run.Fields, f => f.AutomationId == "workAuth" && f.Page == 3 && f.Source == "sensitive");
        // One screenshot per page, the review page included: what the form held at the final click.
        Assert.Equal(4, run.Result.ProofItems.Count(p => p.Kind == ProofKinds.FilledForm));
    }

    [SkippableFact]
    public async Task Easy_apply_modal_is_opened_walked_and_sent()
    {
        BrowserFormFixture.RequireChromium();
        var url = EasyApplySite.Install(fixture.Sites);
        var package = fixture.Package(url);

        var run = await fixture.Channel().RunAsync(package, CancellationToken.None);
        await BrowserFormFixture.SaveProofAsync("easy-apply", run.Result);

        Assert.True(run.Result.Outcome == SubmissionOutcome.Sent, run.Result.Details);
        var received = Assert.Single(fixture.Sites.ReceivedBy(EasyApplySite.Site));
        Assert.Equal("Maya", received.Field("firstName"));
        Assert.Equal("Okafor", received.Field("lastName"));
        Assert.Equal("maya.okafor@example.com", received.Field("email"));
        Assert.Equal("+1 415 555 0137", received.Field("phone"));
        Assert.Equal("No", received.Field("relocate"));
        Assert.Equal("January 2027", received.Field("start"));
        Assert.Equal(fixture.ResumePdf, received.Files["resume"].Content);
        // The search box of the page behind the modal is not part of the application.
        Assert.DoesNotContain(run.Fields, f => f.Name == "keywords");
    }

    [SkippableFact]
    public async Task Controlled_inputs_get_their_values_through_input_events()
    {
        BrowserFormFixture.RequireChromium();
        var url = ControlledInputSite.Install(fixture.Sites);

        // The site is as strict as a React form: values set without events are wiped and never sent.
        var page = await fixture.Browser.NewPageAsync(CancellationToken.None);
        await using (page.Context)
        {
            await page.GotoAsync(url.AbsoluteUri);
            await page.EvaluateAsync("() => { document.getElementById('fullName').value = 'Maya Okafor'; document.getElementById('email').value = 'maya.okafor@example.com'; }");
            await page.ClickAsync("button[type=submit]");
            await page.Locator("#msg.error").WaitForAsync();
            Assert.Equal("", await page.InputValueAsync("#fullName"));
        }
        Assert.Empty(fixture.Sites.ReceivedBy(ControlledInputSite.Site));

        var package = fixture.Package(url);
        var run = await fixture.Channel().RunAsync(package, CancellationToken.None);

        Assert.True(run.Result.Outcome == SubmissionOutcome.Sent, run.Result.Details);
        var received = Assert.Single(fixture.Sites.ReceivedBy(ControlledInputSite.Site));
        Assert.Equal("Maya Okafor", received.Field("fullName"));
        Assert.Equal("maya.okafor@example.com", received.Field("email"));
        Assert.Equal("+1 415 555 0137", received.Field("phone"));
        Assert.Equal("https://www.linkedin.com/in/mayaokafor", received.Field("linkedin"));
        var fit = package.Answers.Answer([FormQuestion.LongText("Why are you a good fit for this role?")])[0].Text;
        Assert.False(string.IsNullOrEmpty(fit));
        Assert.Equal(fit, received.Field("why"));
    }

    [SkippableFact]
    public async Task Dry_run_fills_everything_takes_the_screenshot_and_sends_nothing()
    {
        BrowserFormFixture.RequireChromium();
        var url = LeverLikeSite.Install(fixture.Sites, "/lever-dry");
        var before = fixture.Sites.Received.Count;

        var run = await fixture.Channel().RunAsync(fixture.Package(url, dryRun: true), CancellationToken.None);

        Assert.Equal(SubmissionOutcome.NotSent, run.Result.Outcome);
        Assert.Contains("dry run", run.Result.Details, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, fixture.Sites.Received.Count);
        Assert.Contains(run.Fields, f => f.Name == "name" && f.Value == "Maya Okafor");
        Assert.Single(run.Uploads);
        var shot = Assert.Single(run.Result.ProofItems);
        Assert.Equal(ProofKinds.FilledForm, shot.Kind);
        Assert.True(shot.Content.AsSpan(0, 4).SequenceEqual(PngMagic));
    }

    [SkippableFact]
    public async Task A_file_made_for_another_posting_is_never_uploaded()
    {
        BrowserFormFixture.RequireChromium();
        var url = LeverLikeSite.Install(fixture.Sites, "/lever-wrong-file");
        var before = fixture.Sites.Received.Count;
        var package = fixture.Package(url, alter: f => f.Kind == SubmissionFileKinds.Resume ? f with { PostingId = Guid.NewGuid() } : f);

        var result = await fixture.Channel().SubmitAsync(package, CancellationToken.None);

        Assert.Equal(SubmissionOutcome.NotSent, result.Outcome);
        Assert.Contains("another job posting", result.Details, StringComparison.Ordinal);
        Assert.Equal(before, fixture.Sites.Received.Count);

        var changed = fixture.Package(url, alter: f => f.Kind == SubmissionFileKinds.Resume ? f with { Content = Encoding.UTF8.GetBytes("a different resume") } : f);
        var second = await fixture.Channel().SubmitAsync(changed, CancellationToken.None);
        Assert.Equal(SubmissionOutcome.NotSent, second.Outcome);
        Assert.Contains("not the approved version", second.Details, StringComparison.Ordinal);
        Assert.Equal(before, fixture.Sites.Received.Count);
    }
}
