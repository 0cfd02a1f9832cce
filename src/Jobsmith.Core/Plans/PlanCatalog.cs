using Microsoft.Extensions.Options;

namespace Jobsmith.Core.Plans;

/// <summary>The plans on offer: the built-in three with the configured overrides and additions applied.</summary>
public sealed class PlanCatalog
{
    private static readonly Plan[] BuiltIn =
    [
        new("free", "Free", 10, 0m, "USD", ["10 applications a month", "Approval queue", "Email and manual channels"], 0),
        new("pro", "Pro", 200, 19m, "USD", ["200 applications a month", "Every channel", "Human-agent escalation"], 1),
        new("enterprise", "Enterprise", Plan.Unlimited, 99m, "USD", ["Unlimited applications", "Every channel", "Priority human agents"], 2),
    ];

    private readonly Dictionary<string, Plan> _plans;

    public PlanCatalog(IOptions<PlansOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        var plans = BuiltIn.ToDictionary(p => p.Id, StringComparer.OrdinalIgnoreCase);
        var disabled = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (id, o) in settings.Catalog)
        {
            var key = id.Trim().ToLowerInvariant();
            var basis = plans.GetValueOrDefault(key) ?? new Plan(key, key, 0, 0m, "USD", [], plans.Count);
            plans[key] = basis with
            {
                Name = o.Name ?? basis.Name,
                ApplicationsPerMonth = o.ApplicationsPerMonth is { } n ? Math.Max(n, Plan.Unlimited) : basis.ApplicationsPerMonth,
                MonthlyPrice = o.MonthlyPrice ?? basis.MonthlyPrice,
                Currency = o.Currency ?? basis.Currency,
                Features = o.Features ?? basis.Features,
                Rank = o.Rank ?? basis.Rank,
                StripePriceId = o.StripePriceId ?? basis.StripePriceId,
            };
            if (o.Enabled == false) disabled.Add(key);
        }
        _plans = plans;
        DefaultPlan = plans.GetValueOrDefault(settings.DefaultPlan)
            ?? throw new InvalidOperationException($"Plans:DefaultPlan names '{settings.DefaultPlan}', which is not a plan.");
        disabled.Remove(DefaultPlan.Id);
        Offered = [.. plans.Values.Where(p => !disabled.Contains(p.Id)).OrderBy(p => p.Rank).ThenBy(p => p.MonthlyPrice)];
    }

    public Plan DefaultPlan { get; }

    /// <summary>Plans a candidate can choose, cheapest first.</summary>
    public IReadOnlyList<Plan> Offered { get; }

    /// <summary>Any known plan, offered or not (a withdrawn plan still applies to those who have it).</summary>
    public Plan? Find(string? id) => id is null ? null : _plans.GetValueOrDefault(id);

    public Plan? FindByStripePrice(string? priceId) =>
        priceId is null ? null : _plans.Values.FirstOrDefault(p => p.StripePriceId == priceId);

    public bool IsOffered(string id) => Offered.Any(p => p.Id.Equals(id, StringComparison.OrdinalIgnoreCase));
}
