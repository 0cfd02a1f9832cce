using Jobsmith.Core.Accounts;
using Jobsmith.Core.Data;
using Jobsmith.Core.Notifications;
using Jobsmith.Core.Plans.Payments;
using Microsoft.EntityFrameworkCore;

namespace Jobsmith.Core.Plans;

[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<PaymentEventOutcome>))]
public enum PaymentEventOutcome { Applied, Duplicate, Ignored }

public sealed record PaymentEventResult(PaymentEventOutcome Outcome, string Detail);

/// <summary>
/// Applies a provider's event to the candidate's subscription in one commit with its receipt, so each event id
/// changes state at most once even when delivered twice at the same moment; late, older events are recorded and
/// ignored, and the candidate is told about every plan change.
/// </summary>
public sealed class SubscriptionChanges(AppDbContext db, PlanCatalog catalog, NotificationCenter notifications, TimeProvider clock)
{
    public async Task<PaymentEventResult> ApplyAsync(string provider, PaymentEvent paymentEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paymentEvent);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var staged = new List<Notification>();
                var result = await StageAsync(provider, paymentEvent, staged, cancellationToken);
                if (result.Outcome == PaymentEventOutcome.Duplicate) return result;
                await db.SaveChangesAsync(cancellationToken);
                foreach (var n in staged) await notifications.PublishAsync(n, cancellationToken);
                return result;
            }
            catch (Exception ex) when (attempt < 6 && (UniqueViolation.IsRace(ex) || ex is DbUpdateConcurrencyException))
            {
                // Another delivery of this event, or another event for this candidate, committed first: re-read and decide again.
                db.ChangeTracker.Clear();
                await Task.Delay(TimeSpan.FromMilliseconds(10 * attempt), cancellationToken);
            }
        }
    }

    private async Task<PaymentEventResult> StageAsync(string provider, PaymentEvent e, List<Notification> staged, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (e.Id is not null)
        {
            if (await db.Set<PaymentWebhookReceipt>().AnyAsync(r => r.Provider == provider && r.EventId == e.Id, cancellationToken))
                return new(PaymentEventOutcome.Duplicate, "This event was handled already.");
        }
        var result = await ChangeAsync(provider, e, staged, now, cancellationToken);
        if (e.Id is not null)
            db.Add(new PaymentWebhookReceipt { Provider = provider, EventId = e.Id, Type = e.Type, Outcome = result.Detail, ReceivedAt = now });
        return result;
    }

    private async Task<PaymentEventResult> ChangeAsync(string provider, PaymentEvent e, List<Notification> staged, DateTime now, CancellationToken cancellationToken)
    {
        if (e.Kind == PaymentEventKind.Ignored) return new(PaymentEventOutcome.Ignored, $"No use for {e.Type}.");

        var row = e.SubscriptionId is null ? null
            : await db.Set<Subscription>().FirstOrDefaultAsync(s => s.Provider == provider && s.ProviderSubscriptionId == e.SubscriptionId, cancellationToken);
        if (row is null && e.UserId is not null)
            row = await db.Set<Subscription>().FirstOrDefaultAsync(s => s.UserId == e.UserId, cancellationToken);
        if (row?.ProviderEventAt is { } last && e.CreatedAt < last)
            return new(PaymentEventOutcome.Ignored, "Older than the state already applied.");

        if (e.Kind == PaymentEventKind.Ended)
        {
            // Only the subscription that ended may end the plan: a late "deleted" for a replaced one changes nothing.
            if (row is null || row.ProviderSubscriptionId != e.SubscriptionId) return new(PaymentEventOutcome.Ignored, "No current subscription matches.");
            var ended = catalog.Find(row.PlanId)?.Name ?? row.PlanId;
            ReturnToDefault(row, now);
            row.ProviderEventAt = e.CreatedAt;
            staged.Add(notifications.Stage(row.UserId, "plan_ended", $"Your {ended} plan has ended",
                $"You are on the {catalog.DefaultPlan.Name} plan now: {Allowance(catalog.DefaultPlan)}."));
            return new(PaymentEventOutcome.Applied, "Plan ended.");
        }

        if (catalog.Find(e.PlanId) is not { } plan) return new(PaymentEventOutcome.Ignored, "The event names no known plan.");
        if (row is null)
        {
            if (e.UserId is null || !await db.Set<JobsmithUser>().AnyAsync(u => u.Id == e.UserId, cancellationToken))
                return new(PaymentEventOutcome.Ignored, "The event names no known candidate.");
            row = new Subscription { Id = Guid.CreateVersion7(clock.GetUtcNow()), UserId = e.UserId, CreatedAt = now };
            db.Add(row);
        }
        else row.Revision++;

        var planChanged = row.PlanId != plan.Id;
        var cancelled = e.CancelAtPeriodEnd && !row.CancelAtPeriodEnd;
        row.PlanId = plan.Id;
        row.Status = e.Status is "past_due" ? SubscriptionStatuses.PastDue : SubscriptionStatuses.Active;
        row.Provider = provider;
        row.ProviderCustomerId = Clip(e.CustomerId) ?? row.ProviderCustomerId;
        row.ProviderSubscriptionId = Clip(e.SubscriptionId) ?? row.ProviderSubscriptionId;
        row.CurrentPeriodStart = e.PeriodStart ?? row.CurrentPeriodStart;
        row.CurrentPeriodEnd = e.PeriodEnd ?? row.CurrentPeriodEnd;
        row.CancelAtPeriodEnd = e.CancelAtPeriodEnd;
        row.ProviderEventAt = e.CreatedAt;
        row.UpdatedAt = now;

        if (planChanged)
            staged.Add(notifications.Stage(row.UserId, "plan_changed", $"You are on the {plan.Name} plan", $"{Allowance(plan)}, from today."));
        else if (cancelled && row.CurrentPeriodEnd is { } end)
            staged.Add(notifications.Stage(row.UserId, "plan_cancelled", $"Your {plan.Name} plan is cancelled",
                $"It stays until {UsageMonth.Day(end)}; after that you are on the {catalog.DefaultPlan.Name} plan."));
        return new(PaymentEventOutcome.Applied, $"On {plan.Id}, status {row.Status}.");
    }

    /// <summary>Back to the default plan; the row stays (one per candidate) with nothing of the provider left on it.</summary>
    internal void ReturnToDefault(Subscription row, DateTime now)
    {
        row.PlanId = catalog.DefaultPlan.Id;
        row.Status = SubscriptionStatuses.Active;
        row.Provider = null;
        row.ProviderSubscriptionId = null;
        row.CurrentPeriodStart = null;
        row.CurrentPeriodEnd = null;
        row.CancelAtPeriodEnd = false;
        row.ExpiryNoticeFor = null;
        row.UpdatedAt = now;
        row.Revision++;
    }

    internal static string Allowance(Plan plan) =>
        plan.IsUnlimited ? "unlimited applications a month" : $"up to {plan.ApplicationsPerMonth} applications a month";

    private static string? Clip(string? id) => id is null ? null : id[..Math.Min(id.Length, Subscription.MaxProviderId)];
}
