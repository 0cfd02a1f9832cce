using Jobsmith.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jobsmith.Core.Plans;

/// <summary>
/// Quotas (F9, H1) for the submission pipeline: <see cref="CheckAsync"/> before a send, <see cref="RecordSubmissionAsync"/>
/// once it went out. Counting is per calendar month (UTC) of the submission and once per application, however many
/// times or from however many workers it is recorded.
/// </summary>
public sealed class UsageMeter(AppDbContext db, PlanCatalog catalog, IOptions<PlansOptions> options, TimeProvider clock)
{
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
    /// Counts the application's submission in the current month. Idempotent: the unique application id on the usage
    /// row means a second call (a retried step, a concurrent worker) changes nothing.
    /// </summary>
    public async Task RecordSubmissionAsync(string userId, Guid applicationId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        if (await db.Set<UsageRecord>().AnyAsync(u => u.ApplicationId == applicationId, cancellationToken)) return;
        var now = clock.GetUtcNow();
        var record = new UsageRecord
        {
            Id = Guid.CreateVersion7(now),
            UserId = userId,
            ApplicationId = applicationId,
            Month = UsageMonth.Of(now),
            RecordedAt = now.UtcDateTime,
        };
        db.Set<UsageRecord>().Add(record);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            // Another worker recorded it between our look and our insert: counted once, as intended.
            db.Entry(record).State = EntityState.Detached;
        }
    }
}
