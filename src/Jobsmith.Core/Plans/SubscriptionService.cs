using Jobsmith.Core.Accounts;
using Jobsmith.Core.Data;
using Jobsmith.Core.Hosting;
using Jobsmith.Core.Plans.Payments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jobsmith.Core.Plans;

/// <summary>A candidate's plan (H1): what they are on and have used, the plans on offer, upgrade and cancel.</summary>
public sealed class SubscriptionService(
    AppDbContext db, PlanCatalog catalog, UsageMeter meter, PaymentProviders providers, PaymentWebhooks webhooks,
    SubscriptionChanges changes, IOptions<PlansOptions> options, IOptions<JobsmithOptions> jobsmith, TimeProvider clock)
{
    public IReadOnlyList<PlanView> Plans() => [.. catalog.Offered.Select(PlanView.Of)];

    public async Task<SubscriptionView> GetAsync(string userId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        var now = clock.GetUtcNow();
        var row = await db.Set<Subscription>().AsNoTracking().FirstOrDefaultAsync(s => s.UserId == userId, cancellationToken);
        var plan = EffectivePlan.For(row, catalog, options.Value, now);
        var quota = await meter.CheckAsync(userId, cancellationToken);
        var paid = row is not null && row.PlanId == plan.Id && !plan.IsFree;
        return new SubscriptionView(PlanView.Of(plan), paid ? row!.Status : SubscriptionStatuses.Active, paid ? row!.Provider : null,
            paid ? row!.CurrentPeriodEnd : null, paid && row!.CancelAtPeriodEnd,
            new UsageView(UsageMonth.Of(now), quota.Used, quota.Limit, quota.Allowed, quota.Reason));
    }

    /// <exception cref="PlanChangeException">Not a plan one can move to, or the provider refused.</exception>
    public async Task<UpgradeResult> UpgradeAsync(string userId, string planId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        var plan = catalog.Find(planId?.Trim());
        if (plan is null || !catalog.IsOffered(plan.Id)) throw new PlanChangeException("Choose one of the plans on offer.");
        if (plan.Id == catalog.DefaultPlan.Id)
            throw new PlanChangeException($"{plan.Name} is the plan you return to when you cancel; cancel instead.");
        var current = await db.Set<Subscription>().AsNoTracking().FirstOrDefaultAsync(s => s.UserId == userId, cancellationToken);
        var effective = EffectivePlan.For(current, catalog, options.Value, clock.GetUtcNow());
        // The same plan again is only a change while it is set to end: choosing it keeps it.
        if (effective.Id == plan.Id && current is { CancelAtPeriodEnd: false })
            throw new PlanChangeException($"You are on the {plan.Name} plan already.");

        var email = await db.Set<JobsmithUser>().Where(u => u.Id == userId).Select(u => u.Email).FirstOrDefaultAsync(cancellationToken);
        var provider = current?.Provider is { } name ? providers.For(name) : providers.Active;
        var outcome = await provider.StartUpgradeAsync(new UpgradeRequest(userId, email, plan, current, new Uri(jobsmith.Value.PublicBaseUrl, "/plan")), cancellationToken);
        await ApplyAsync(provider, outcome, cancellationToken);
        var view = await GetAsync(userId, cancellationToken);
        return outcome.RedirectTo is { } url ? new UpgradeResult(UpgradeResult.Checkout, url, view) : new UpgradeResult(UpgradeResult.Changed, null, view);
    }

    /// <summary>Cancels at the end of the paid period: the plan and its quota stay until then.</summary>
    /// <exception cref="PlanChangeException">Nothing paid to cancel, or the provider refused.</exception>
    public async Task<SubscriptionView> CancelAsync(string userId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        var current = await db.Set<Subscription>().AsNoTracking().FirstOrDefaultAsync(s => s.UserId == userId, cancellationToken);
        var effective = EffectivePlan.For(current, catalog, options.Value, clock.GetUtcNow());
        if (current is null || effective.IsFree || current.Provider is null)
            throw new PlanChangeException($"You are on the {effective.Name} plan; there is nothing to cancel.");
        if (current.CancelAtPeriodEnd) return await GetAsync(userId, cancellationToken);
        var provider = providers.For(current.Provider);
        await ApplyAsync(provider, await provider.CancelAtPeriodEndAsync(current, cancellationToken), cancellationToken);
        return await GetAsync(userId, cancellationToken);
    }

    private async Task ApplyAsync(IPaymentProvider provider, ProviderOutcome outcome, CancellationToken cancellationToken)
    {
        if (outcome.Webhook is { } hook) await webhooks.ReceiveAsync(provider, hook.Payload, hook.Signature, cancellationToken);
        if (outcome.Confirmed is { } confirmed) await changes.ApplyAsync(provider.Name, confirmed, cancellationToken);
    }
}
