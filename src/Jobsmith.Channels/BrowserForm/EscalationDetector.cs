using System.Text.RegularExpressions;
using Jobsmith.Core.Applications.Submission;
using Microsoft.Playwright;

namespace Jobsmith.Channels.BrowserForm;

/// <summary>An escalation the page calls for: one of <see cref="EscalationReasons"/> and the plain-language reason.</summary>
internal sealed record Escalation(string Reason, string Details);

/// <summary>
/// F4: what stops the browser and hands the application to a person: a CAPTCHA (reCAPTCHA, hCaptcha, Turnstile),
/// a login wall, a server error page, a file the site refuses, or a form too big to trust to automation.
/// </summary>
internal static partial class EscalationDetector
{
    /// <summary>Checked on every page before anything is typed.</summary>
    public static Escalation? Blocking(PageState state, int fields)
    {
        if (state.Captcha is { } captcha)
            return new(EscalationReasons.Captcha, $"The form is protected by a CAPTCHA ({captcha}); a person has to complete it.");
        if (state.PasswordField || (fields == 0 && SignInWall().IsMatch(state.Text)))
            return new(EscalationReasons.LoginWall, "The site asks to sign in (or create an account) before the application form.");
        return null;
    }

    /// <summary>A server error page: the HTTP status of the page, or an error page served with 200.</summary>
    public static Escalation? SiteError(IResponse? response, PageState state)
    {
        if (response is { Status: >= 500 } failed)
            return new(EscalationReasons.SiteError, $"The site answered with a server error (HTTP {failed.Status}) at {state.Url}.");
        var head = state.Title + " " + state.Text[..Math.Min(300, state.Text.Length)];
        return ErrorPage().IsMatch(head) ? new(EscalationReasons.SiteError, $"The site shows an error page at {state.Url}: {state.Title}".TrimEnd(' ', ':')) : null;
    }

    public static Escalation? Complexity(int fields, int pages, BrowserFormOptions options)
    {
        if (fields > options.MaxFields)
            return new(EscalationReasons.Complexity, $"The form has {fields} fields, more than the {options.MaxFields} Jobsmith fills on its own.");
        if (pages > options.MaxPages)
            return new(EscalationReasons.Complexity, $"The form runs over more than {options.MaxPages} pages.");
        return null;
    }

    /// <summary>An error shown after the uploads that was not there before them and speaks of the file.</summary>
    public static Escalation? FileRejected(IReadOnlyList<string> before, IReadOnlyList<string> after)
    {
        var message = after.Except(before, StringComparer.Ordinal).FirstOrDefault(e => FileError().IsMatch(e));
        return message is null ? null : new(EscalationReasons.FileRejected, $"The site refused the file: {message}");
    }

    [GeneratedRegex(@"\b(sign|log) ?in\b.{0,40}\b(to (apply|continue)|required)|\b(sign|log) ?in to your account|\bcreate an account to apply", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SignInWall();

    [GeneratedRegex(@"^\s*(50[0-4]\b|error 50[0-4])|internal server error|service (temporarily )?unavailable|bad gateway|gateway time-?out|something went wrong on our end", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ErrorPage();

    [GeneratedRegex(@"(file|upload|attachment|resume|résumé|cv|cover letter).{0,80}(too (large|big)|exceeds?|maximum|max\.? size|size limit|larger than|not (supported|allowed|accepted))|(too (large|big)|exceeds?|size limit).{0,60}(file|upload|\d+ ?[km]b)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FileError();
}
