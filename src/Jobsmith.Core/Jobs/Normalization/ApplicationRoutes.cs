using System.Text.RegularExpressions;

namespace Jobsmith.Core.Jobs.Normalization;

/// <summary>
/// Decides how a job is applied to. Rules run in order and the first that fires is recorded,
/// so the control room can show why a job was routed to a channel.
/// </summary>
public static partial class ApplicationRoutes
{
    /// <summary>The rule for an apply link on a site none of the lists know (a company's own careers page, say).</summary>
    public const string UnknownExternalSite = "unknown-external-site";

    // Portals that need an account, multi-page wizards or assessments before a submit.
    private static readonly string[] AccountBasedHosts =
    [
        "myworkdayjobs.com", "workday.com", "taleo.net", "icims.com", "successfactors.com", "successfactors.eu",
        "brassring.com", "oraclecloud.com", "ultipro.com", "jobvite.com", "avature.net", "indeed.com", "glassdoor.com", "naukri.com",
    ];

    // Single-page hosted forms our browser channel fills.
    private static readonly string[] HostedFormHosts =
    [
        "greenhouse.io", "lever.co", "ashbyhq.com", "workable.com", "smartrecruiters.com", "recruitee.com", "personio.de",
        "personio.com", "bamboohr.com", "breezy.hr", "teamtailor.com", "join.com",
    ];

    private static readonly HashSet<string> StandardQuestionNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "first_name", "last_name", "name", "email", "phone", "resume", "resume_text", "cover_letter", "cover_letter_text",
        "linkedin", "linkedin_profile", "website", "location", "latitude", "longitude",
    };

    /// <param name="questionNames">Form field names the source published, or null when it publishes none.</param>
    public static ApplicationRoute Decide(Uri? applyUrl, string? applyEmail, IReadOnlyCollection<string>? questionNames, string descriptionText, bool easyApplyFlag)
    {
        if (applyUrl is { Scheme: "mailto" }) return new(ApplicationType.Email, "mailto-apply-url");
        if (applyUrl is null && !string.IsNullOrWhiteSpace(applyEmail)) return new(ApplicationType.Email, "apply-email-field");
        if (applyUrl is null && EmailApplyPattern().IsMatch(descriptionText)) return new(ApplicationType.Email, "email-in-description");
        if (easyApplyFlag) return new(ApplicationType.EasyApply, "source-easy-apply-flag");
        var host = applyUrl?.Host.ToLowerInvariant() ?? string.Empty;
        if (Array.Find(AccountBasedHosts, h => HostMatches(host, h)) is { } portal) return new(ApplicationType.Complex, $"account-based-portal:{portal}");
        if (questionNames is { Count: > 0 })
        {
            var custom = questionNames.Count(q => !StandardQuestionNames.Contains(q));
            return custom == 0
                ? new(ApplicationType.EasyApply, "standard-questions-only")
                : new(ApplicationType.Form, $"custom-questions:{custom}");
        }
        if (Array.Find(HostedFormHosts, h => HostMatches(host, h)) is { } ats) return new(ApplicationType.Form, $"hosted-ats-form:{ats}");
        return applyUrl is null
            ? new(ApplicationType.Complex, "no-apply-channel")
            : new(ApplicationType.Complex, UnknownExternalSite);
    }

    private static bool HostMatches(string host, string domain) =>
        host == domain || host.EndsWith("." + domain, StringComparison.Ordinal);

    [GeneratedRegex(@"\b(send|e-?mail|submit|apply)\b[^.\n]{0,80}\b(cv|resume|résumé|application)\b[^.\n]{0,80}[\w.+-]+@[\w-]+\.[\w.]+", RegexOptions.IgnoreCase)]
    private static partial Regex EmailApplyPattern();
}
