using Jobsmith.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jobsmith.Core.Applications.Submission;

/// <summary>
/// F3 per-channel policy: at most <see cref="SubmissionOptions.DailyCapPerSite"/> sends of one candidate to one site per
/// UTC day, and a pause between two of them. Counts what may have reached the site (sent or unknown), from the
/// attempts table, so the limits hold across processes and restarts.
/// </summary>
public sealed class SitePacing(AppDbContext db, IOptions<SubmissionOptions> options, TimeProvider clock)
{
    /// <summary>Null when a send to <paramref name="host"/> may go now, else the earliest time it may, with why.</summary>
    public async Task<(DateTimeOffset NotBefore, string Reason)?> HoldAsync(string userId, string? host, CancellationToken cancellationToken)
    {
        if (host is null) return null;
        var now = clock.GetUtcNow();
        var today = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        var recent = await db.Set<SubmissionAttempt>().AsNoTracking()
            .Where(a => a.UserId == userId && a.TargetHost == host && a.FinishedAt >= today.UtcDateTime
                        && (a.Outcome == AttemptOutcomes.Sent || a.Outcome == AttemptOutcomes.Unknown))
            .Select(a => a.FinishedAt).ToListAsync(cancellationToken);
        var o = options.Value;
        if (recent.Count >= o.DailyCapPerSite)
            return (today.AddDays(1), $"Today's {o.DailyCapPerSite} applications to {host} are sent; the next goes tomorrow (UTC) so the site does not flag your account.");
        if (recent.Count > 0)
        {
            var next = new DateTimeOffset(DateTime.SpecifyKind(recent.Max(), DateTimeKind.Utc)).AddSeconds(o.SecondsBetweenSendsToOneSite);
            if (next > now) return (next, $"Pausing between applications to {host}.");
        }
        return null;
    }
}
