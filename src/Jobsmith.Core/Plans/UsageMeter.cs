using Jobsmith.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jobsmith.Core.Plans;

/// <summary>
/// Quotas (F9, H1) for the submission pipeline: <see cref="ReserveAsync"/> takes a place right before a send and
/// <see cref="ReleaseAsync"/> gives it back when nothing went out; <see cref="CheckAsync"/> reports the month so far.
/// Counting is per calendar month (UTC) of the submission and once per application, however many times or from however
/// many workers it is recorded.
/// </summary>
public sealed class UsageMeter(AppDbContext db, PlanCatalog catalog, IOptions<PlansOptions> options, TimeProvider clock)
{
    // Each lost race means another place was taken, so tries are bounded by the racers for one candidate's month.
    private const int MaxReserveTries = 20;

    public async Task<QuotaCheck> CheckAsync(string userId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        var now = clock.GetUtcNow();
        var subscription = await db.Set<Subscription>().AsNoTracking().FirstOrDefaultAsync(s => s.UserId == userId, cancellationToken);
        var plan = EffectivePlan.For(subscription, catalog, options.Value, now);
        var month = UsageMonth.Of(now);
        var used = await db.Set<UsageRecord>().CountAsync(u => u.UserId == userId && u.Month == month, cancellationToken);
        return Decide(plan, used, now);
    }

    /// <summary>The quota rule on its own: an unlimited plan always allows; otherwise while fewer than the limit were used.</summary>
    public static QuotaCheck Decide(Plan plan, int used, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.IsUnlimited || used < plan.ApplicationsPerMonth)
            return new QuotaCheck(true, used, plan.ApplicationsPerMonth, plan.Name, null);
        var next = UsageMonth.Next(now);
        return new QuotaCheck(false, used, plan.ApplicationsPerMonth, plan.Name,
            $"{used} of {plan.ApplicationsPerMonth} applications this month on the {plan.Name} plan are used; "
            + $"upgrade, or wait for the count to start again on {UsageMonth.Day(next)} (UTC).");
    }

    /// <summary>
    /// Takes one of this month's places for the application before it is sent, so two applications sent at once can
    /// never both take the last place (the check and the count are one step). Each place has a numbered slot, unique
    /// per candidate and month; two workers that read the same free slot race on that index and the loser reads
    /// again. Idempotent per application: a retried step or a second worker finds its place already taken and goes on.
    /// Unlimited plans take a place without a slot number (nothing to race for; NULLs never collide).
    /// </summary>
    public async Task<QuotaCheck> ReserveAsync(string userId, Guid applicationId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        for (var attempt = 1; ; attempt++)
        {
            var now = clock.GetUtcNow();
            var month = UsageMonth.Of(now);
            var thisMonth = db.Set<UsageRecord>().Where(u => u.UserId == userId && u.Month == month);
            var subscription = await db.Set<Subscription>().AsNoTracking().FirstOrDefaultAsync(s => s.UserId == userId, cancellationToken);
            var plan = EffectivePlan.For(subscription, catalog, options.Value, now);
            // Count and highest slot in one statement, so both describe the same moment: racers that read the same
            // state pick the same slot and collide; one that reads later sees the winner's place counted.
            // One group at most (a constant key): Single says so, and EF does not warn about an unordered First.
            var taken = await thisMonth.GroupBy(_ => 1).Select(g => new { Used = g.Count(), Highest = g.Max(u => u.Slot) }).SingleOrDefaultAsync(cancellationToken);
            var used = taken?.Used ?? 0;
            if (await db.Set<UsageRecord>().AnyAsync(u => u.ApplicationId == applicationId, cancellationToken))
                return new QuotaCheck(true, used, plan.ApplicationsPerMonth, plan.Name, null);
            var check = Decide(plan, used, now);
            if (!check.Allowed) return check;
            int? slot = plan.IsUnlimited ? null : (taken?.Highest ?? 0) + 1;
            var record = NewRecord(userId, applicationId, now, slot);
            db.Set<UsageRecord>().Add(record);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return check with { Used = used + 1 };
            }
            catch (DbUpdateException ex) when (UniqueViolation.Is(ex) && attempt < MaxReserveTries)
            {
                // Someone took that slot (or this application's place) first: read again; the winner's row is now visible.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, 5 * attempt)), cancellationToken);
            }
            finally
            {
                db.Entry(record).State = EntityState.Detached;
            }
        }
    }

    /// <summary>Gives the place back when the send certainly did not go out (the channel said so, or a person will take it over).</summary>
    public Task ReleaseAsync(Guid applicationId, CancellationToken cancellationToken) =>
        db.Set<UsageRecord>().Where(u => u.ApplicationId == applicationId).ExecuteDeleteAsync(cancellationToken);

    /// <summary>
    /// Counts a submission a person made (a human agent who sent it, or who checked that an interrupted send went out)
    /// in the current month, staged in the caller's unit of work so it commits with their verdict. Never refused: the
    /// application has already gone out. Nothing is staged when the application's place is already taken.
    /// </summary>
    public async Task StageSubmissionAsync(string userId, Guid applicationId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        if (await db.Set<UsageRecord>().AnyAsync(u => u.ApplicationId == applicationId, cancellationToken)) return;
        db.Set<UsageRecord>().Add(NewRecord(userId, applicationId, clock.GetUtcNow(), slot: null));
    }

    private static UsageRecord NewRecord(string userId, Guid applicationId, DateTimeOffset now, int? slot) => new()
    {
        Id = Guid.CreateVersion7(now),
        UserId = userId,
        ApplicationId = applicationId,
        Month = UsageMonth.Of(now),
        Slot = slot,
        RecordedAt = now.UtcDateTime,
    };
}
