using Jobsmith.Core.Data;
using Jobsmith.Core.Notifications;
using Jobsmith.Core.Plans.Payments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jobsmith.Core.Plans;

/// <summary>
/// The periodic side of plans: an expiry notice a few days before a paid period ends (once per period), the end
/// of a plan cancelled at period end, and the local stand-in's renewals. Stripe renews through its own webhooks.
/// </summary>
public sealed class PlanRenewals(
    AppDbContext db, PlanCatalog catalog, NotificationCenter notifications, SubscriptionChanges changes,
    PaymentProviders providers, PaymentWebhooks webhooks, IOptions<PlansOptions> options, TimeProvider clock)
{
    public const string ExpiryNoticeType = "plan_expiry";

    /// <summary>Returns how many subscriptions it noticed, ended or renewed.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var horizon = now.AddDays(options.Value.ExpiryNoticeDays);
        var defaultPlan = catalog.DefaultPlan.Id;
        var due = await db.Set<Subscription>().AsNoTracking()
            .Where(s => s.PlanId != defaultPlan && s.CurrentPeriodEnd != null && s.CurrentPeriodEnd <= horizon)
            .Select(s => s.Id)
            .ToListAsync(cancellationToken);
        var handled = 0;
        foreach (var id in due)
        {
            db.ChangeTracker.Clear();
            try
            {
                if (await HandleAsync(id, now, cancellationToken)) handled++;
            }
            catch (DbUpdateConcurrencyException)
            {
                // A webhook or another node changed it meanwhile; the next run sees the new state.
            }
        }
        return handled;
    }

    private async Task<bool> HandleAsync(Guid id, DateTime now, CancellationToken cancellationToken)
    {
        var row = await db.Set<Subscription>().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (row?.CurrentPeriodEnd is not { } end) return false;
        var plan = catalog.Find(row.PlanId)?.Name ?? row.PlanId;

        if (end > now)
        {
            if (row.ExpiryNoticeFor == end) return false;
            row.ExpiryNoticeFor = end;
            row.Revision++;
            var notice = row.CancelAtPeriodEnd
                ? notifications.Stage(row.UserId, ExpiryNoticeType, $"Your {plan} plan ends on {UsageMonth.Day(end)}",
                    $"After that you are on the {catalog.DefaultPlan.Name} plan ({SubscriptionChanges.Allowance(catalog.DefaultPlan)}). Choose a plan again to keep it.")
                : notifications.Stage(row.UserId, ExpiryNoticeType, $"Your {plan} plan renews on {UsageMonth.Day(end)}",
                    "Nothing to do if you want to keep it; cancel before then if you do not.");
            await db.SaveChangesAsync(cancellationToken);
            await notifications.PublishAsync(notice, cancellationToken);
            return true;
        }

        if (row.CancelAtPeriodEnd)
        {
            changes.ReturnToDefault(row, now);
            var ended = notifications.Stage(row.UserId, "plan_ended", $"Your {plan} plan has ended",
                $"You are on the {catalog.DefaultPlan.Name} plan now: {SubscriptionChanges.Allowance(catalog.DefaultPlan)}.");
            await db.SaveChangesAsync(cancellationToken);
            await notifications.PublishAsync(ended, cancellationToken);
            return true;
        }

        if (row.Provider == LocalPaymentProvider.ProviderName)
        {
            var renewal = providers.Local.Renewal(row);
            db.ChangeTracker.Clear();
            await webhooks.ReceiveAsync(providers.Local, renewal.Payload, renewal.Signature, cancellationToken);
            return true;
        }
        return false;
    }
}
