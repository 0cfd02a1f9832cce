namespace Jobsmith.Core.Reports;

/// <summary>What a weekly report says (G4), stored as JSON with the report so it reads the same later.</summary>
public sealed record WeeklyReportContent(
    IReadOnlyList<ReportApplication> Submitted,
    IReadOnlyList<ReportApplication> Interviews,
    IReadOnlyList<ReportApplication> Offers,
    IReadOnlyList<ReportApplication> Rejections,
    ResponseRate ResponseRate,
    IReadOnlyList<ReportMatch> TopMatches,
    IReadOnlyList<ReportInterview> UpcomingInterviews,
    IReadOnlyList<string> NextSteps,
    IReadOnlyList<ReportDay> Days);

/// <summary>An application moved during the week: sent, invited, offered or rejected, with the posting's own link.</summary>
public sealed record ReportApplication(Guid ApplicationId, string Title, string Company, string? JobUrl, DateTime At);

/// <summary>
/// Of all applications sent up to the end of the week, how many heard back (interview, offer or rejection): the
/// share of employers who answered, which a single week's counts cannot tell because answers lag sends.
/// </summary>
public sealed record ResponseRate(int Sent, int Answered)
{
    /// <summary>Percent, rounded; null when nothing was sent yet.</summary>
    public int? Percent => Sent == 0 ? null : (int)Math.Round(100.0 * Answered / Sent, MidpointRounding.AwayFromZero);
}

public sealed record ReportMatch(Guid PostingId, string Title, string Company, int Score);

public sealed record ReportInterview(Guid InterviewId, Guid ApplicationId, string Title, string Company, DateTime StartsAt, string TimeZone, string When);

/// <summary>One day of the week in the candidate's time zone: applications sent and employer answers that day (the chart).</summary>
public sealed record ReportDay(DateOnly Date, int Submitted, int Answers);

/// <summary>A stored report as the list, the page, the API and the email see it.</summary>
public sealed record WeeklyReportView(
    Guid Id, DateOnly WeekStart, DateOnly WeekEnd, string TimeZone, DateTime PeriodStart, DateTime PeriodEnd, bool Final,
    int Submitted, int Interviews, int Offers, int Rejections, int? ResponseRatePercent, DateTime GeneratedAt, DateTime? EmailedAt,
    WeeklyReportContent Content);
