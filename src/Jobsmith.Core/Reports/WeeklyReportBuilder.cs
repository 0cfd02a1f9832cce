using Jobsmith.Core.Applications;
using Jobsmith.Core.Data;
using Jobsmith.Core.Interviews;
using Jobsmith.Core.Jobs.Store;
using Jobsmith.Core.Matching.Store;
using Microsoft.EntityFrameworkCore;

namespace Jobsmith.Core.Reports;

/// <summary>
/// Computes a week's report from the real tables (G4): the application log says what was sent and what employers
/// answered and when; the matches table gives the week's best new matches; interviews and open applications give the
/// next steps. Every query is scoped to the one candidate.
/// </summary>
public sealed class WeeklyReportBuilder(AppDbContext db)
{
    private const int TopMatchCount = 5;
    private static readonly string[] Answers = [ApplicationStates.Interview, ApplicationStates.Offer, ApplicationStates.Rejected];

    public async Task<WeeklyReportContent> BuildAsync(string userId, DateOnly weekStart, DateTime periodStart, DateTime periodEnd, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var moves = await (from l in db.Set<ApplicationLogEntry>().AsNoTracking()
                           join a in db.Set<JobApplication>() on l.ApplicationId equals a.Id
                           join p in db.Set<StoredPosting>() on a.PostingId equals p.Id
                           where a.UserId == userId && l.At >= periodStart && l.At < periodEnd
                                 && (l.ToState == ApplicationStates.Applied || Answers.Contains(l.ToState))
                           orderby l.At
                           select new { l.ToState, l.At, a.Id, p.Title, p.Company, Url = p.ApplyUrl ?? p.CanonicalUrl }).ToListAsync(cancellationToken);
        // An application counts once per kind even if it moved there twice (a second interview round is still one application invited).
        List<ReportApplication> Of(string state) => [.. moves.Where(m => m.ToState == state).GroupBy(m => m.Id)
            .Select(g => g.First()).Select(m => new ReportApplication(m.Id, m.Title, m.Company, SafeLink(m.Url), m.At))];

        var days = Enumerable.Range(0, 7).Select(i => weekStart.AddDays(i)).Select(d => new ReportDay(d,
            moves.Count(m => m.ToState == ApplicationStates.Applied && DayOf(m.At, zone) == d),
            moves.Count(m => m.ToState != ApplicationStates.Applied && DayOf(m.At, zone) == d))).ToList();

        var upcoming = await UpcomingAsync(userId, periodEnd, cancellationToken);
        var topMatches = await TopMatchesAsync(userId, periodStart, periodEnd, cancellationToken);
        var submitted = Of(ApplicationStates.Applied);
        return new WeeklyReportContent(submitted, Of(ApplicationStates.Interview), Of(ApplicationStates.Offer), Of(ApplicationStates.Rejected),
            await ResponseRateAsync(userId, periodEnd, cancellationToken), topMatches, upcoming,
            await NextStepsAsync(userId, submitted.Count, topMatches, upcoming, cancellationToken), days);
    }

    private static DateOnly DayOf(DateTime utc, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZones.ToLocal(utc, zone));

    private async Task<ResponseRate> ResponseRateAsync(string userId, DateTime periodEnd, CancellationToken cancellationToken)
    {
        var reached = await (from l in db.Set<ApplicationLogEntry>().AsNoTracking()
                             join a in db.Set<JobApplication>() on l.ApplicationId equals a.Id
                             where a.UserId == userId && l.At < periodEnd && (l.ToState == ApplicationStates.Applied || Answers.Contains(l.ToState))
                             select new { a.Id, l.ToState }).Distinct().ToListAsync(cancellationToken);
        var sent = reached.Where(r => r.ToState == ApplicationStates.Applied).Select(r => r.Id).ToHashSet();
        var answered = reached.Where(r => r.ToState != ApplicationStates.Applied && sent.Contains(r.Id)).Select(r => r.Id).Distinct().Count();
        return new ResponseRate(sent.Count, answered);
    }

    // The week's best new matches the candidate has not dismissed or applied to yet.
    private async Task<List<ReportMatch>> TopMatchesAsync(string userId, DateTime periodStart, DateTime periodEnd, CancellationToken cancellationToken)
    {
        var applied = db.Set<JobApplication>().Where(a => a.UserId == userId).Select(a => a.PostingId);
        var rows = await (from m in db.Set<StoredMatch>().AsNoTracking()
                          join p in db.Set<StoredPosting>() on m.PostingId equals p.Id
                          where m.UserId == userId && m.ShownAt >= periodStart && m.ShownAt < periodEnd && m.DismissedAt == null && !applied.Contains(m.PostingId)
                          orderby m.Score descending, m.ShownAt
                          select new ReportMatch(p.Id, p.Title, p.Company, m.Score)).Take(TopMatchCount).ToListAsync(cancellationToken);
        return rows;
    }

    // Interviews in the two weeks after the report's end, soonest first.
    private async Task<List<ReportInterview>> UpcomingAsync(string userId, DateTime periodEnd, CancellationToken cancellationToken)
    {
        var until = periodEnd.AddDays(14);
        var rows = await (from i in db.Set<Interview>().AsNoTracking()
                          join a in db.Set<JobApplication>() on i.ApplicationId equals a.Id
                          join p in db.Set<StoredPosting>() on a.PostingId equals p.Id
                          where i.UserId == userId && i.Status == InterviewStatuses.Scheduled && i.StartsAt >= periodEnd && i.StartsAt < until
                          orderby i.StartsAt
                          select new { Interview = i, p.Title, p.Company }).Take(10).ToListAsync(cancellationToken);
        return [.. rows.Select(r => InterviewView.Of(r.Interview, r.Title, r.Company))
            .Select(v => new ReportInterview(v.Id, v.ApplicationId, v.Title, v.Company, v.StartsAt, v.TimeZone, v.When))];
    }

    private async Task<List<string>> NextStepsAsync(string userId, int submitted, List<ReportMatch> topMatches, List<ReportInterview> upcoming, CancellationToken cancellationToken)
    {
        var byState = await db.Set<JobApplication>().AsNoTracking().Where(a => a.UserId == userId)
            .GroupBy(a => a.State).Select(g => new { State = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.State, g => g.Count, cancellationToken);
        var steps = new List<string>();
        foreach (var interview in upcoming.Take(3))
            steps.Add($"Prepare for your interview with {interview.Company} ({interview.Title}) on {interview.When}.");
        if (byState.GetValueOrDefault(ApplicationStates.Offer) is > 0 and var offers)
            steps.Add(offers == 1 ? "Answer the offer you have open." : $"Answer the {offers} offers you have open.");
        if (byState.GetValueOrDefault(ApplicationStates.AwaitingApproval) is > 0 and var waiting)
            steps.Add(waiting == 1 ? "Review the application waiting for your approval." : $"Review the {waiting} applications waiting for your approval.");
        var attention = byState.GetValueOrDefault(ApplicationStates.Escalated) + byState.GetValueOrDefault(ApplicationStates.Failed);
        if (attention > 0) steps.Add(attention == 1 ? "One application needs your attention: it could not be sent as it was." : $"{attention} applications need your attention: they could not be sent as they were.");
        if (topMatches.Count > 0) steps.Add($"Look at your best new match: {topMatches[0].Title} at {topMatches[0].Company} (score {topMatches[0].Score}).");
        if (submitted == 0 && topMatches.Count == 0) steps.Add("No applications went out this week: check your preferences so the matcher finds more jobs.");
        return steps;
    }

    private static string? SafeLink(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var link) && (link.Scheme == Uri.UriSchemeHttps || link.Scheme == Uri.UriSchemeHttp) ? link.AbsoluteUri : null;
}
