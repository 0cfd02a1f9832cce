namespace Jobsmith.Core.Plans;

/// <summary>Which plan applies to a candidate now: their subscription's, unless it has lapsed past its grace period.</summary>
internal static class EffectivePlan
{
    public static Plan For(Subscription? subscription, PlanCatalog catalog, PlansOptions options, DateTimeOffset now)
    {
        if (subscription is null) return catalog.DefaultPlan;
        var plan = catalog.Find(subscription.PlanId) ?? catalog.DefaultPlan;
        // A paid period that ended without a renewal being heard of stops counting after the grace days, even if the
        // expiry job has not run yet (a stopped worker must not leave anyone on an unpaid plan for ever).
        if (!plan.IsFree && subscription.CurrentPeriodEnd is { } end && now.UtcDateTime > end.AddDays(options.RenewalGraceDays))
            return catalog.DefaultPlan;
        return plan;
    }
}
