namespace Jobsmith.Core.Plans;

public sealed record PlanView(string Id, string Name, int ApplicationsPerMonth, decimal MonthlyPrice, string Currency, IReadOnlyList<string> Features)
{
    public static PlanView Of(Plan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new(plan.Id, plan.Name, plan.ApplicationsPerMonth, plan.MonthlyPrice, plan.Currency, plan.Features);
    }
}

/// <summary>Applications sent this calendar month (UTC) against the plan's limit (−1 = unlimited).</summary>
public sealed record UsageView(DateTime Month, int Used, int Limit, bool Allowed, string? Reason);

public sealed record SubscriptionView(PlanView Plan, string Status, string? Provider, DateTime? CurrentPeriodEnd, bool CancelAtPeriodEnd, UsageView Usage);

/// <summary><see cref="CheckoutUrl"/> is set when the candidate must pay on the provider's page before the plan changes.</summary>
public sealed record UpgradeResult(string Outcome, Uri? CheckoutUrl, SubscriptionView Subscription)
{
    public const string Changed = "changed";
    public const string Checkout = "checkout";
}
