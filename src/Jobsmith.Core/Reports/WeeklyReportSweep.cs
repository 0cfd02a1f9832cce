using Jobsmith.Core.Accounts;
using Jobsmith.Core.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jobsmith.Core.Reports;

/// <summary>
/// The Monday sweep (G4): for each candidate, the last week whose report is due in their time zone (Monday 09:00)
/// gets its final report if it has none, and final reports not yet emailed are emailed. A candidate who signed up
/// after a week ended gets no report on it. Missed weeks are not back-filled: only the latest due week is made.
/// </summary>
public sealed class WeeklyReportSweep(AppDbContext db, IServiceScopeFactory scopes, TimeProvider clock)
{
    /// <summary>Emails older than this are not sent any more (a report three weeks late is noise).</summary>
    private static readonly TimeSpan EmailWindow = TimeSpan.FromDays(3);

    /// <summary>Returns how many reports it wrote and how many it emailed.</summary>
    public async Task<(int Written, int Emailed)> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var candidates = await (from u in db.Set<JobsmithUser>().AsNoTracking()
                                join ur in db.Set<IdentityUserRole<string>>() on u.Id equals ur.UserId
                                join r in db.Set<IdentityRole>() on ur.RoleId equals r.Id
                                where r.Name == Roles.Candidate
                                select new { u.Id, u.TimeZone, u.CreatedAt }).ToListAsync(cancellationToken);
        var due = candidates
            .Select(c => (c.Id, Zone: TimeZones.FindOrUtc(c.TimeZone), c.CreatedAt))
            .Select(c => (c.Id, Week: ReportWeeks.LastDueWeek(now, c.Zone), c.Zone, c.CreatedAt))
            .Where(c => c.CreatedAt < ReportWeeks.EndUtc(c.Week, c.Zone))
            .ToList();

        var written = 0;
        if (due.Count > 0)
        {
            var earliest = due.Min(d => d.Week);
            var done = (await db.Set<WeeklyReport>().AsNoTracking().Where(r => r.Final && r.WeekStart >= earliest)
                .Select(r => new { r.UserId, r.WeekStart }).ToListAsync(cancellationToken)).Select(r => (r.UserId, r.WeekStart)).ToHashSet();
            foreach (var (userId, week, _, _) in due.Where(d => !done.Contains((d.Id, d.Week))))
            {
                await using var scope = scopes.CreateAsyncScope();
                if (await scope.ServiceProvider.GetRequiredService<WeeklyReports>().GenerateFinalAsync(userId, week, cancellationToken) is { Created: true })
                    written++;
            }
        }

        var since = now - EmailWindow;
        var unsent = await db.Set<WeeklyReport>().AsNoTracking().Where(r => r.Final && r.EmailedAt == null && r.GeneratedAt >= since)
            .OrderBy(r => r.GeneratedAt).Select(r => r.Id).Take(500).ToListAsync(cancellationToken);
        var emailed = 0;
        foreach (var id in unsent)
        {
            await using var scope = scopes.CreateAsyncScope();
            if (await scope.ServiceProvider.GetRequiredService<WeeklyReportEmails>().SendAsync(id, cancellationToken) == Notifications.EmailOutcome.Sent) emailed++;
        }
        return (written, emailed);
    }
}
