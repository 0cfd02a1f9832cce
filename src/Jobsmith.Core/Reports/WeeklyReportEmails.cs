using System.Globalization;
using System.Net;
using System.Text;
using Jobsmith.Core.Data;
using Jobsmith.Core.Hosting;
using Jobsmith.Core.Notifications;
using Jobsmith.Core.Notifications.Email;
using Jobsmith.Core.Notifications.Preferences;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jobsmith.Core.Reports;

/// <summary>
/// Emails a final weekly report once (G4): the report's "emailed" mark is claimed with a conditional update before
/// sending, and given back if the mail server refused, so the next sweep tries again. The email carries the numbers as
/// text and as HTML with the chart as an inline PNG (<see cref="ReportChart"/>); every value from the database is
/// HTML-encoded and only http(s) job links are linked.
/// </summary>
public sealed class WeeklyReportEmails(AppDbContext db, NotificationEmails emails, IOptions<JobsmithOptions> options, TimeProvider clock)
{
    public async Task<EmailOutcome?> SendAsync(Guid reportId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var claimed = await db.Set<WeeklyReport>().Where(r => r.Id == reportId && r.Final && r.EmailedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.EmailedAt, now), cancellationToken);
        if (claimed == 0) return null;
        var row = await db.Set<WeeklyReport>().AsNoTracking().FirstAsync(r => r.Id == reportId, cancellationToken);
        var report = WeeklyReports.View(row);
        var title = $"Your Jobsmith week: {report.WeekStart.ToString("d MMM", CultureInfo.InvariantCulture)} – {report.WeekEnd.ToString("d MMM yyyy", CultureInfo.InvariantCulture)}";
        var notice = new Notification { Id = report.Id, UserId = row.UserId, Type = NotificationTypes.WeeklyReport, Title = title };
        var page = new Uri(options.Value.PublicBaseUrl, $"/reports/{report.Id}");
        var outcome = await emails.SendAsync(notice, to => new EmailMessage(to, title, Text(report, page))
        {
            HtmlBody = Html(report, page),
            InlineImages = [new EmailInlineImage("chart@jobsmith", "week.png", "image/png", ReportChart.Png(report.Content.Days))],
        }, cancellationToken);
        if (outcome == EmailOutcome.Failed)
            await db.Set<WeeklyReport>().Where(r => r.Id == reportId).ExecuteUpdateAsync(s => s.SetProperty(r => r.EmailedAt, (DateTime?)null), cancellationToken);
        return outcome;
    }

    internal static string Text(WeeklyReportView report, Uri page)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Your week {report.WeekStart:yyyy-MM-dd} to {report.WeekEnd:yyyy-MM-dd} ({report.TimeZone})");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Applications sent: {report.Submitted}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Interviews: {report.Interviews}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Offers: {report.Offers}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Rejections: {report.Rejections}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Response rate: {RateText(report.Content.ResponseRate)}");
        Section(text, "Sent this week", report.Content.Submitted.Select(a => $"{a.Title} at {a.Company}{(a.JobUrl is { } u ? $" <{u}>" : "")}"));
        Section(text, "Interview invitations", report.Content.Interviews.Select(a => $"{a.Title} at {a.Company}"));
        Section(text, "Offers", report.Content.Offers.Select(a => $"{a.Title} at {a.Company}"));
        Section(text, "Rejections", report.Content.Rejections.Select(a => $"{a.Title} at {a.Company}"));
        Section(text, "Coming interviews", report.Content.UpcomingInterviews.Select(i => $"{i.When}: {i.Title} at {i.Company}"));
        Section(text, "Top new matches", report.Content.TopMatches.Select(m => $"{m.Title} at {m.Company} (score {m.Score})"));
        Section(text, "Next steps", report.Content.NextSteps);
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"The full report: {page}");
        return text.ToString();
    }

    public static string RateText(ResponseRate rate) =>
        rate.Percent is { } p
            ? $"{p}% ({rate.Answered} of {WeeklyReports.Plural(rate.Sent, "application")} sent so far {(rate.Answered == 1 ? "has" : "have")} had an answer)"
            : "nothing sent yet";

    private static void Section(StringBuilder text, string heading, IEnumerable<string> lines)
    {
        var items = lines.ToList();
        if (items.Count == 0) return;
        text.AppendLine().AppendLine(heading);
        foreach (var line in items) text.AppendLine(CultureInfo.InvariantCulture, $"- {line}");
    }

    private static string Html(WeeklyReportView report, Uri page)
    {
        static string E(string s) => WebUtility.HtmlEncode(s);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html><body style=\"font-family:-apple-system,Segoe UI,Helvetica,Arial,sans-serif;color:#1d273b;max-width:600px\">");
        html.Append(CultureInfo.InvariantCulture, $"<h1 style=\"font-size:20px\">Your week {E(report.WeekStart.ToString("d MMM", CultureInfo.InvariantCulture))} – {E(report.WeekEnd.ToString("d MMM yyyy", CultureInfo.InvariantCulture))}</h1>");
        html.Append("<table style=\"border-collapse:collapse;margin:8px 0\"><tr>");
        foreach (var (label, value) in new[] { ("Sent", report.Submitted), ("Interviews", report.Interviews), ("Offers", report.Offers), ("Rejections", report.Rejections) })
            html.Append(CultureInfo.InvariantCulture, $"<td style=\"padding:6px 16px 6px 0\"><div style=\"font-size:22px;font-weight:600\">{value}</div><div style=\"color:#667382\">{label}</div></td>");
        html.Append("</tr></table>");
        html.Append(CultureInfo.InvariantCulture, $"<p>Response rate: <strong>{E(RateText(report.Content.ResponseRate))}</strong></p>");
        html.Append(CultureInfo.InvariantCulture, $"<img src=\"cid:chart@jobsmith\" width=\"{ReportChart.Width}\" height=\"{ReportChart.Height}\" alt=\"Applications sent and employer answers per day\" style=\"max-width:100%;height:auto\">");
        html.Append("<p style=\"color:#667382;font-size:13px\"><span style=\"color:#206bc4\">&#9632;</span> applications sent &nbsp; <span style=\"color:#2fb344\">&#9632;</span> employer answers</p>");
        List(html, "Sent this week", report.Content.Submitted.Select(a => a.JobUrl is { } u
            ? $"<a href=\"{E(u)}\">{E(a.Title)}</a> at {E(a.Company)}" : $"{E(a.Title)} at {E(a.Company)}"));
        List(html, "Interview invitations", report.Content.Interviews.Select(a => $"{E(a.Title)} at {E(a.Company)}"));
        List(html, "Offers", report.Content.Offers.Select(a => $"{E(a.Title)} at {E(a.Company)}"));
        List(html, "Rejections", report.Content.Rejections.Select(a => $"{E(a.Title)} at {E(a.Company)}"));
        List(html, "Coming interviews", report.Content.UpcomingInterviews.Select(i => $"{E(i.When)}: {E(i.Title)} at {E(i.Company)}"));
        List(html, "Top new matches", report.Content.TopMatches.Select(m => $"{E(m.Title)} at {E(m.Company)} (score {m.Score})"));
        List(html, "Next steps", report.Content.NextSteps.Select(E));
        html.Append(CultureInfo.InvariantCulture, $"<p><a href=\"{E(page.AbsoluteUri)}\">Open the full report in Jobsmith</a></p></body></html>");
        return html.ToString();
    }

    private static void List(StringBuilder html, string heading, IEnumerable<string> items)
    {
        var list = items.ToList();
        if (list.Count == 0) return;
        html.Append(CultureInfo.InvariantCulture, $"<h2 style=\"font-size:16px;margin-top:20px\">{heading}</h2><ul>");
        foreach (var item in list) html.Append(CultureInfo.InvariantCulture, $"<li>{item}</li>");
        html.Append("</ul>");
    }
}
