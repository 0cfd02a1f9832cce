using Jobsmith.Core.Plans;
using Microsoft.Extensions.Options;

namespace Jobsmith.Tests.Plans;

public sealed class PlanCatalogTests
{
    [Fact]
    public void The_built_in_plans_are_free_pro_and_enterprise_cheapest_first()
    {
        var catalog = new PlanCatalog(Options.Create(new PlansOptions()));
        Assert.Equal(["free", "pro", "enterprise"], catalog.Offered.Select(p => p.Id));
        Assert.Equal("free", catalog.DefaultPlan.Id);
        Assert.True(catalog.Find("enterprise")!.IsUnlimited);
        Assert.Equal(0m, catalog.DefaultPlan.MonthlyPrice);
    }

    [Fact]
    public void Configuration_changes_a_plan_adds_one_and_withdraws_one()
    {
        var options = new PlansOptions();
        options.Catalog["Pro"] = new PlanSettings { ApplicationsPerMonth = 300, MonthlyPrice = 25m, StripePriceId = "price_pro" };
        options.Catalog["team"] = new PlanSettings { Name = "Team", ApplicationsPerMonth = 1000, MonthlyPrice = 49m, Rank = 2 };
        options.Catalog["enterprise"] = new PlanSettings { Enabled = false, Rank = 3 };
        var catalog = new PlanCatalog(Options.Create(options));

        Assert.Equal(["free", "pro", "team"], catalog.Offered.Select(p => p.Id));
        var pro = catalog.Find("pro")!;
        Assert.Equal((300, 25m, "Pro"), (pro.ApplicationsPerMonth, pro.MonthlyPrice, pro.Name));
        Assert.Same(pro, catalog.FindByStripePrice("price_pro"));
        // A withdrawn plan still applies to those who have it.
        Assert.NotNull(catalog.Find("enterprise"));
        Assert.False(catalog.IsOffered("enterprise"));
    }

    [Fact]
    public void A_default_plan_that_does_not_exist_is_a_configuration_error()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => new PlanCatalog(Options.Create(new PlansOptions { DefaultPlan = "gold" })));
        Assert.Contains("gold", ex.Message, StringComparison.Ordinal);
    }
}
