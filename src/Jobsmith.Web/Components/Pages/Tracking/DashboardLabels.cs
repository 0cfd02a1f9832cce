using System.Globalization;
using Jobsmith.Core.Dashboard;
using Jobsmith.Core.Flags;

namespace Jobsmith.Web.Components.Pages.Tracking;

/// <summary>The dashboard's words for agents and times (G1), so the page reads as a person would say it.</summary>
public static class DashboardLabels
{
    public static string Agent(string name) => name switch
    {
        CandidateDashboard.JobSearchAgent => "Job searches",
        CandidateDashboard.MailboxAgent => "Mailbox reader",
        FeatureFlagCatalog.ResumeAnalyzer => "Resume reader",
        FeatureFlagCatalog.JobDiscovery => "Job finder",
        FeatureFlagCatalog.Matcher => "Matcher",
        FeatureFlagCatalog.Notifications => "Notifications",
        FeatureFlagCatalog.FeedbackOptimizer => "Learning from your ratings",
        FeatureFlagCatalog.HumanAgents => "Human agent hand-off",
        FeatureFlagCatalog.AutoApply => "Auto-apply",
        FeatureFlagCatalog.Drafter => "Drafting applications",
        _ => CultureInfo.InvariantCulture.TextInfo.ToTitleCase(name.Replace('-', ' ').Replace('_', ' ')),
    };

    /// <summary>
    /// Agents whose result line is written for the candidate ("2 jobs, 10 skills"); the others report ids and
    /// bookkeeping that mean nothing on a dashboard, so only their errors are shown.
    /// </summary>
    public static bool ShowsOutput(string agent) => CandidateDashboard.ReportingAgents.Contains(agent);

    /// <summary>"just now", "5 min ago", "3 h ago", "2 days ago", then the date.</summary>
    public static string Ago(DateTime at, DateTime now)
    {
        var span = now - at;
        if (span < TimeSpan.FromMinutes(1)) return "just now";
        if (span < TimeSpan.FromHours(1)) return $"{(int)span.TotalMinutes} min ago";
        if (span < TimeSpan.FromDays(1)) return $"{(int)span.TotalHours} h ago";
        if (span < TimeSpan.FromDays(7)) return (int)span.TotalDays == 1 ? "yesterday" : $"{(int)span.TotalDays} days ago";
        return at.ToString("d MMM yyyy", CultureInfo.InvariantCulture);
    }

    /// <summary>"in 5 min", "in 3 h", "now" for a next run.</summary>
    public static string In(DateTime at, DateTime now)
    {
        var span = at - now;
        if (span < TimeSpan.FromMinutes(1)) return "now";
        if (span < TimeSpan.FromHours(1)) return $"in {(int)Math.Ceiling(span.TotalMinutes)} min";
        if (span < TimeSpan.FromDays(1)) return $"in {(int)Math.Round(span.TotalHours)} h";
        return at.ToString("d MMM, HH:mm 'UTC'", CultureInfo.InvariantCulture);
    }
}
