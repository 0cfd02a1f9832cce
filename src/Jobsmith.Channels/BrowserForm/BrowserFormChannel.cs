using Jobsmith.Core.Applications.Submission;
using Jobsmith.Core.Documents.Answers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace Jobsmith.Channels.BrowserForm;

/// <summary>
/// F3 browser form channel: opens the apply page in Chromium, finds the fields, asks the package's answerer, fills
/// them, walks wizards and modals, and presses the final button only when every required question has an answer
/// from the candidate's own facts. F4: a CAPTCHA, a login wall, an unanswerable required question, a form too big,
/// a refused file or a server error stop it with the reason and a screenshot. F7: screenshots of the filled form
/// and of the confirmation are the proof. After the final click nothing is ever reported as not sent: a timeout or
/// a crash there is <see cref="SubmissionOutcome.Unknown"/>.
/// </summary>
public sealed class BrowserFormChannel(FormBrowser browser, IOptions<BrowserFormOptions> options, TimeProvider clock, ILogger<BrowserFormChannel> logger)
    : ISubmissionChannel
{
    public string Name => ChannelNames.BrowserForm;

    /// <summary>Starts the browser while the runner renders the files (a cold start takes seconds).</summary>
    public Task PrepareAsync(CancellationToken cancellationToken) => browser.WarmUpAsync(cancellationToken);

    public async Task<SubmissionResult> SubmitAsync(SubmissionPackage package, CancellationToken cancellationToken) =>
        (await RunAsync(package, cancellationToken)).Result;

    /// <summary>The submission with the detail of every field (for the CLI's report and the tests).</summary>
    public async Task<BrowserFormRun> RunAsync(SubmissionPackage package, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(package);
        var run = new FormRunRecorder();
        if (package.ApplyUrl is not { Scheme: "http" or "https" } url)
            return run.Finish(SubmissionOutcome.Escalate, "The posting has no web address to apply at.", EscalationReasons.NoChannel);
        if (SubmissionFileCheck.Problem(package) is { } problem)
            return run.Finish(SubmissionOutcome.NotSent, problem);

        IBrowserContext? context = null;
        try
        {
            var page = await browser.NewPageAsync(cancellationToken);
            context = page.Context;
            return await DriveAsync(page, url, package, run, cancellationToken);
        }
        catch (Exception ex) when (!run.FinalClicked && ex is PlaywrightException or TimeoutException or FieldFillException)
        {
            logger.LogWarning(ex, "Form at {Url} failed before the final click", url);
            return run.Finish(SubmissionOutcome.NotSent, $"The browser stopped before anything was sent: {ex.Message}");
        }
#pragma warning disable CA1031 // After the final click any failure means "may have been sent": it must become Unknown, never escape as an error to retry.
        catch (Exception ex) when (run.FinalClicked)
#pragma warning restore CA1031
        {
            logger.LogWarning(ex, "Form at {Url} failed after the final click", url);
            return run.Finish(SubmissionOutcome.Unknown, $"The browser failed after the final click ({ex.GetType().Name}: {FirstLine(ex.Message)}); the site may or may not have the application. Check before trying again.");
        }
        finally
        {
            if (context is not null) await CloseQuietlyAsync(context);
        }
    }

    private async Task<BrowserFormRun> DriveAsync(IPage page, Uri url, SubmissionPackage package, FormRunRecorder run, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var response = await page.GotoAsync(url.AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        var state = await PageScripts.StateAsync(page);
        if (EscalationDetector.SiteError(response, state) is { } siteError) return await EscalateAsync(page, run, siteError);

        var nextIndex = 0;
        var totalFields = 0;
        var opened = false;
        for (var pageNumber = 1; ; pageNumber++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            run.Pages = pageNumber;
            if (EscalationDetector.Complexity(totalFields, pageNumber, settings) is { } tooManyPages) return await EscalateAsync(page, run, tooManyPages);
            var scan = await FieldScanner.ScanAsync(page, nextIndex, settings.ActionTimeout);
            state = await PageScripts.StateAsync(page);
            if (EscalationDetector.Blocking(state, scan.Fields.Count) is { } blocked) return await EscalateAsync(page, run, blocked);
            if (scan.Fields.Count == 0 && pageNumber == 1)
            {
                // A job page whose form opens behind a button: an Easy-Apply-style modal or an "Apply for this job" link.
                if (!opened && FormButtons.Opener(state.Buttons) is { } opener)
                {
                    opened = true;
                    pageNumber--;
                    await ClickAndWaitAsync(page, opener, cancellationToken);
                    continue;
                }
                return await EscalateAsync(page, run, new Escalation(EscalationReasons.NoChannel, $"No application form was found at {state.Url}."));
            }
            nextIndex += scan.Fields.Count;
            totalFields += scan.Fields.Count;
            if (EscalationDetector.Complexity(totalFields, pageNumber, settings) is { } tooBig) return await EscalateAsync(page, run, tooBig);

            if (await FillPageAsync(page, scan.Fields, package, run, pageNumber, state.Errors) is { } stop) return await EscalateAsync(page, run, stop);
            if (run.OpenQuestions.Count > 0)
                return await EscalateAsync(page, run, new Escalation(EscalationReasons.UnknownQuestion,
                    $"Only you can answer: {string.Join("; ", run.OpenQuestions)}. Everything else is filled in."));
            await PageScripts.SetIdempotencyKeyAsync(page, package.IdempotencyKey);
            await run.ScreenshotAsync(page, ProofKinds.FilledForm, $"filled-form-{pageNumber}.png", $"Page {pageNumber} of the form, filled");

            state = await PageScripts.StateAsync(page);
            var (step, button) = FormButtons.Classify(state.Buttons);
            if (step == FormStep.None)
                return await EscalateAsync(page, run, new Escalation(EscalationReasons.NoChannel, "The form has no button Jobsmith recognises as next or submit."));
            if (step == FormStep.Next)
            {
                var (changed, stepResponse) = await ClickAndWaitAsync(page, button!, cancellationToken);
                var after = await PageScripts.StateAsync(page);
                if (EscalationDetector.SiteError(stepResponse, after) is { } stepError) return await EscalateAsync(page, run, stepError);
                if (!changed)
                    return run.Finish(SubmissionOutcome.NotSent, $"The site did not move past page {pageNumber} of the form"
                        + (after.Errors.Count > 0 ? $": {string.Join("; ", after.Errors.Take(5))}" : "."));
                continue;
            }
            if (package.DryRun)
                return run.Finish(SubmissionOutcome.NotSent, $"Dry run: the form was filled ({pageNumber} page(s)) and the final button was not pressed.");
            return await SendAsync(page, button!, state, run);
        }
    }

    /// <summary>
    /// Fills every field of one page. Required questions only the candidate can answer are collected (the caller
    /// escalates after the rest is filled, so the screenshot shows everything prepared); a file that is not this
    /// application's, or one the site refuses, stops the run.
    /// </summary>
    private async Task<Escalation?> FillPageAsync(IPage page, IReadOnlyList<ScannedField> fields, SubmissionPackage package, FormRunRecorder run, int pageNumber,
        IReadOnlyList<string> errorsBefore)
    {
        var questions = fields.Select(FieldScanner.Question).ToList();
        var answers = package.Answers.Answer(questions);
        if (answers.Count != questions.Count) throw new InvalidOperationException($"The answerer gave {answers.Count} answers to {questions.Count} questions.");
        var timeout = options.Value.ActionTimeout;
        var typed = new List<(ScannedField, string)>();
        for (var i = 0; i < fields.Count; i++)
        {
            var (field, answer) = (fields[i], answers[i]);
            var source = SourceOf(questions[i]);
            if (answer.NeedsCandidate is not null || !FieldFiller.Fits(field, answer))
            {
                run.Field(pageNumber, field, null, source);
                if (field.Required) run.Open(field.Label);
                continue;
            }
            if (answer.File is { } file && SubmissionFileCheck.Problem(file, package) is { } refused)
                throw new FieldFillException(refused);
            try
            {
                var value = await FieldFiller.FillAsync(page, field, answer, timeout);
                run.Field(pageNumber, field, value, source);
                if (FieldFiller.IsTyped(field)) typed.Add((field, value));
                if (answer.File is { } uploaded && field.Kind == FieldKinds.File) run.Upload(field, uploaded);
            }
            catch (FieldFillException ex) when (!field.Required)
            {
                logger.LogInformation("Optional field {Label} left empty: {Reason}", field.Label, ex.Message);
                run.Field(pageNumber, field, null, source);
            }
            catch (FieldFillException) when (field.Required)
            {
                run.Field(pageNumber, field, null, source);
                run.Open(field.Label);
            }
        }
        await FieldFiller.RetypeDroppedAsync(page, typed, timeout);
        var after = await PageScripts.StateAsync(page);
        return EscalationDetector.FileRejected(errorsBefore, after.Errors);
    }

    private async Task<BrowserFormRun> SendAsync(IPage page, PageButton button, PageState before, FormRunRecorder run)
    {
        int? serverError = null;
        void Watch(object? sender, IResponse response)
        {
            if (response.Status >= 500 && (response.Request.IsNavigationRequest || response.Request.Method != "GET")) serverError ??= response.Status;
        }
        page.Response += Watch;
        run.FinalClicked = true;
        try
        {
            await ClickAsync(page, button);
            var verdict = await SuccessDetector.WatchAsync(page, before, () => serverError, options.Value.ConfirmationTimeout, clock);
            var kind = verdict.Outcome switch
            {
                SubmissionOutcome.Sent => ProofKinds.Confirmation,
                SubmissionOutcome.Escalate => ProofKinds.Escalation,
                _ => ProofKinds.Confirmation,
            };
            await run.ScreenshotAsync(page, kind, kind == ProofKinds.Escalation ? "escalation.png" : "after-submit.png", verdict.Details);
            return run.Finish(verdict.Outcome, verdict.Details, verdict.Escalation, verdict.Confirmation);
        }
        finally
        {
            page.Response -= Watch;
        }
    }

    private static async Task<BrowserFormRun> EscalateAsync(IPage page, FormRunRecorder run, Escalation escalation)
    {
        await run.ScreenshotAsync(page, ProofKinds.Escalation, "escalation.png", escalation.Details);
        return run.Finish(SubmissionOutcome.Escalate, escalation.Details, escalation.Reason);
    }

    /// <summary>Clicks and waits until what is on screen to fill changes (next page, modal, new step) or errors show.</summary>
    private async Task<(bool Changed, IResponse? Response)> ClickAndWaitAsync(IPage page, PageButton button, CancellationToken cancellationToken)
    {
        var before = await PageScripts.SignatureAsync(page);
        IResponse? navigation = null;
        void Watch(object? sender, IResponse response)
        {
            if (response.Request.IsNavigationRequest && response.Frame == page.MainFrame) navigation = response;
        }
        page.Response += Watch;
        try
        {
            await ClickAsync(page, button);
            var deadline = clock.GetUtcNow() + options.Value.NavigationTimeout;
            var quiet = 0;
            while (clock.GetUtcNow() < deadline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50), clock, cancellationToken);
                try
                {
                    await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
                    if (await PageScripts.SignatureAsync(page) != before) return (true, navigation);
                    if (navigation is { Status: >= 500 }) return (true, navigation);
                    // Validation errors shown for a while mean the page refused to move on.
                    var state = await PageScripts.StateAsync(page);
                    if ((state.Errors.Count > 0 || state.Invalid > 0) && ++quiet >= 10) return (false, navigation);
                }
                catch (PlaywrightException)
                {
                    // Navigating: read the next document on the next turn.
                }
            }
            return (false, navigation);
        }
        finally
        {
            page.Response -= Watch;
        }
    }

    // The click returns once it is done; the navigation it starts is watched by the caller, with its own limit —
    // Playwright's own wait for it has none, and a site that never answers would hold the channel forever.
    private static async Task ClickAsync(IPage page, PageButton button)
    {
#pragma warning disable CS0612, CS0618 // Deprecated only because it is to become the default.
        await page.Locator(button.Selector).ClickAsync(new LocatorClickOptions { NoWaitAfter = true });
#pragma warning restore CS0612, CS0618
    }

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();

    private static string SourceOf(FormQuestion question) => QuestionClassifier.Classify(question).Category switch
    {
        QuestionCategory.FreeText => "free_text",
        var category => category.ToString().ToLowerInvariant(),
    };

    private async Task CloseQuietlyAsync(IBrowserContext context)
    {
        try
        {
            // A page still waiting for a site that never answers must not hold the channel.
            await context.CloseAsync().WaitAsync(options.Value.ActionTimeout, clock);
        }
        catch (Exception ex) when (ex is PlaywrightException or TimeoutException)
        {
            // The browser is gone already; the context went with it.
        }
    }
}
