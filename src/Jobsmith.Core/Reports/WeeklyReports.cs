using System.Text.Json;
using Jobsmith.Core.Accounts;
using Jobsmith.Core.Data;
using Jobsmith.Core.Notifications;
using Jobsmith.Core.Notifications.Preferences;
using Microsoft.EntityFrameworkCore;

namespace Jobsmith.Core.Reports;

/// <summary>
/// The weekly report use cases (G4), scoped to the candidate: list, read, generate the current week so far on demand,
/// and (for the Monday sweep) write a week's final report exactly once. The unique (candidate, week) index and the
/// row's revision decide between two writers; a final report is never rewritten.
/// </summary>
public sealed class WeeklyReports(AppDbContext db, WeeklyReportBuilder builder, NotificationCenter notifications, TimeProvider clock)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<IReadOnlyList<WeeklyReportView>> ListAsync(string userId, int take, CancellationToken cancellationToken)
    {
        var rows = await db.Set<WeeklyReport>().AsNoTracking().Where(r => r.UserId == userId)
            .OrderByDescending(r => r.WeekStart).Take(Math.Clamp(take, 1, 104)).ToListAsync(cancellationToken);
        return [.. rows.Select(View)];
    }

    public async Task<WeeklyReportView?> GetAsync(string userId, Guid id, CancellationToken cancellationToken) =>
        await db.Set<WeeklyReport>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id && r.UserId == userId, cancellationToken) is { } row ? View(row) : null;

    public async Task<WeeklyReportView?> LatestAsync(string userId, CancellationToken cancellationToken) =>
        await db.Set<WeeklyReport>().AsNoTracking().Where(r => r.UserId == userId).OrderByDescending(r => r.WeekStart)
            .FirstOrDefaultAsync(cancellationToken) is { } row ? View(row) : null;

    /// <summary>The current week so far, written now (or the stored final one, if the week is already closed).</summary>
    public async Task<WeeklyReportView?> GenerateNowAsync(string userId, CancellationToken cancellationToken)
    {
        var zone = await ZoneOfAsync(userId, cancellationToken);
        if (zone is null) return null;
        var week = ReportWeeks.WeekOf(clock.GetUtcNow().UtcDateTime, zone);
        return (await WriteAsync(userId, week, zone, final: false, cancellationToken)).View;
    }

    /// <summary>
    /// Writes the final report on <paramref name="weekStart"/> unless one exists. <c>Created</c> is true only for the
    /// one call that made it final, so the caller announces and emails it once.
    /// </summary>
    public async Task<(WeeklyReportView View, bool Created)?> GenerateFinalAsync(string userId, DateOnly weekStart, CancellationToken cancellationToken)
    {
        var zone = await ZoneOfAsync(userId, cancellationToken);
        return zone is null ? null : await WriteAsync(userId, weekStart, zone, final: true, cancellationToken);
    }

    public async Task<byte[]?> ChartAsync(string userId, Guid id, CancellationToken cancellationToken) =>
        await GetAsync(userId, id, cancellationToken) is { } report ? ReportChart.Png(report.Content.Days) : null;

    private async Task<TimeZoneInfo?> ZoneOfAsync(string userId, CancellationToken cancellationToken)
    {
        var user = await db.Set<JobsmithUser>().AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.TimeZone }).FirstOrDefaultAsync(cancellationToken);
        return user is null ? null : TimeZones.FindOrUtc(user.TimeZone);
    }

    private async Task<(WeeklyReportView View, bool Created)> WriteAsync(string userId, DateOnly weekStart, TimeZoneInfo zone, bool final, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            db.ChangeTracker.Clear();
            var row = await db.Set<WeeklyReport>().FirstOrDefaultAsync(r => r.UserId == userId && r.WeekStart == weekStart, cancellationToken);
            if (row is { Final: true }) return (View(row), false);

            var now = clock.GetUtcNow().UtcDateTime;
            var (from, end) = (ReportWeeks.StartUtc(weekStart, zone), ReportWeeks.EndUtc(weekStart, zone));
            var to = final ? end : (now < end ? now : end);
            var content = await builder.BuildAsync(userId, weekStart, from, to, zone, cancellationToken);
            if (row is null)
            {
                row = new WeeklyReport { Id = Guid.CreateVersion7(now), UserId = userId, WeekStart = weekStart };
                db.Add(row);
            }
            row.TimeZone = zone.Id;
            row.PeriodStart = from;
            row.PeriodEnd = to;
            row.Final = final;
            row.Submitted = content.Submitted.Count;
            row.Interviews = content.Interviews.Count;
            row.Offers = content.Offers.Count;
            row.Rejections = content.Rejections.Count;
            row.ContentJson = JsonSerializer.Serialize(content, Json);
            row.GeneratedAt = now;
            row.Revision++;
            var notice = final
                ? notifications.Stage(userId, NotificationTypes.WeeklyReport, $"Your weekly report for the week of {weekStart.ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture)}",
                    $"{Plural(row.Submitted, "application")} sent, {Plural(row.Interviews, "interview")}, {Plural(row.Offers, "offer")}, {Plural(row.Rejections, "rejection")}.")
                : null;
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException e) when (attempt < 3 && (e is DbUpdateConcurrencyException || UniqueViolation.Is(e)))
            {
                // Another writer got there first: read its row again and decide from that.
                continue;
            }
            if (notice is not null) await notifications.PublishAsync(notice, cancellationToken);
            return (View(row), final);
        }
    }

    public static string Plural(int n, string word) => n == 1 ? $"1 {word}" : $"{n} {word}s";

    internal static WeeklyReportView View(WeeklyReport r)
    {
        var content = JsonSerializer.Deserialize<WeeklyReportContent>(r.ContentJson, Json)
                      ?? new WeeklyReportContent([], [], [], [], new ResponseRate(0, 0), [], [], [], []);
        return new WeeklyReportView(r.Id, r.WeekStart, r.WeekStart.AddDays(6), r.TimeZone, r.PeriodStart, r.PeriodEnd, r.Final,
            r.Submitted, r.Interviews, r.Offers, r.Rejections, content.ResponseRate.Percent, r.GeneratedAt, r.EmailedAt, content);
    }
}
