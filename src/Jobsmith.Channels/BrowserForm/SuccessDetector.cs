using System.Text.RegularExpressions;
using Jobsmith.Core.Applications.Submission;
using Microsoft.Playwright;

namespace Jobsmith.Channels.BrowserForm;

/// <summary>What the page said after the final click.</summary>
internal sealed record Verdict(SubmissionOutcome Outcome, string Details, string? Escalation = null, string? Confirmation = null);

/// <summary>
/// Decides from the page whether the site took the application: a confirmation that appeared (text or address),
/// errors it showed, a server error, or nothing at all. Anything short of a clear answer is
/// <see cref="SubmissionOutcome.Unknown"/>: the click happened, so something may have been stored.
/// </summary>
internal static partial class SuccessDetector
{
    /// <summary>Watches the page until it shows an answer or the time is up.</summary>
    /// <param name="before">The page just before the final click: text already there proves nothing.</param>
    /// <param name="serverError">The status of a failed response seen since the click, if any.</param>
    public static async Task<Verdict> WatchAsync(IPage page, PageState before, Func<int?> serverError, TimeSpan timeout, TimeProvider clock)
    {
        var deadline = clock.GetUtcNow() + timeout;
        var alreadyConfirmed = Confirmed().IsMatch(before.Text);
        while (clock.GetUtcNow() < deadline)
        {
            // Most confirmations arrive within a few hundred milliseconds; a short turn notices them without a long wait.
            await Task.Delay(TimeSpan.FromMilliseconds(50), clock);
            if (serverError() is { } status)
                return new(SubmissionOutcome.Unknown, $"The site answered the final click with a server error (HTTP {status}); it may or may not have stored the application. Check before trying again.");
            PageState state;
            var reading = PageScripts.StateAsync(page);
            try
            {
                // While a posted form waits for its answer the page may not run scripts; that wait has no limit of its own.
                state = await reading.WaitAsync(TimeSpan.FromSeconds(1), clock);
            }
            catch (Exception ex) when (ex is PlaywrightException or TimeoutException)
            {
                // The page is navigating; its next document is read on the next turn.
                _ = reading.ContinueWith(t => t.Exception, TaskScheduler.Default);
                continue;
            }
            if ((!alreadyConfirmed && Confirmed().Match(state.Text) is { Success: true } said) || (state.Url != before.Url && ConfirmedUrl().IsMatch(new Uri(state.Url).AbsolutePath)))
            {
                var reference = Reference().Match(state.Text);
                var sentence = Confirmed().Match(state.Text);
                return new(SubmissionOutcome.Sent, "The site confirmed the application.", Confirmation:
                    reference.Success ? $"{(sentence.Success ? sentence.Value + "; " : "")}reference {reference.Groups["ref"].Value}" : sentence.Success ? sentence.Value : state.Url);
            }
            if (EscalationDetector.SiteError(null, state) is { } error)
                return new(SubmissionOutcome.Unknown, error.Details + " after the final click; it may or may not have stored the application.");
            if (EscalationDetector.FileRejected(before.Errors, state.Errors) is { } rejected)
                return new(SubmissionOutcome.Escalate, rejected.Details, rejected.Reason);
            if (state.Captcha is not null && before.Captcha is null)
                return new(SubmissionOutcome.Escalate, $"A CAPTCHA ({state.Captcha}) appeared on sending; a person has to complete it.", EscalationReasons.Captcha);
            var shown = state.Errors.Except(before.Errors, StringComparer.Ordinal).ToList();
            if (shown.Count > 0 && state.Url == before.Url)
                return new(SubmissionOutcome.NotSent, $"The site did not accept the form: {string.Join("; ", shown.Take(5))}");
        }
        return new(SubmissionOutcome.Unknown, $"No confirmation appeared within {timeout.TotalSeconds:0} s of the final click; the site may or may not have the application. Check before trying again.");
    }

    [GeneratedRegex(@"thank(s| you) for (applying|your application|your interest|submitting)|application (was |has been |is )?(successfully )?(received|submitted|sent|complete)|we('ve| have) received your application|successfully (submitted|applied)|you('ve| have) (successfully )?applied|your application is in",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Confirmed();

    [GeneratedRegex(@"confirm|thank|success|submitted|complete", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ConfirmedUrl();

    [GeneratedRegex(@"(reference|confirmation|application) (number|no\.?|id|#|code)\s*[:#]?\s*(?<ref>[A-Z0-9][A-Z0-9-]{3,})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Reference();
}
