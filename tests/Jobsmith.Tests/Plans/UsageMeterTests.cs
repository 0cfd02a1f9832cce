using Jobsmith.Core.Data;
using Jobsmith.Core.Plans;
using Jobsmith.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jobsmith.Tests.Plans;

/// <summary>F9, H1 on both databases: submissions count once each, in the calendar month (UTC) they were sent in.</summary>
public sealed class UsageMeterTests
{
    private static readonly Dictionary<string, string?> SmallFreePlan = new() { ["Plans:Catalog:free:ApplicationsPerMonth"] = "3" };

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_free_limit_is_reached_and_the_count_starts_again_on_the_first_of_the_month_UTC(string provider)
    {
        await using var harness = await PlansHarness.CreateAsync(provider, SmallFreePlan, new DateTimeOffset(2027, 1, 31, 22, 0, 0, TimeSpan.Zero));
        var user = await harness.AddCandidateAsync("quota@example.com");

        Assert.Equal(new QuotaCheck(true, 0, 3, "Free", null), await Check(harness, user));
        await Record(harness, user, Guid.NewGuid());
        await Record(harness, user, Guid.NewGuid());
        // 23:59:59 UTC on 31 January is still January, wherever the candidate lives.
        harness.Clock.Set(new DateTimeOffset(2027, 1, 31, 23, 59, 59, TimeSpan.Zero));
        await Record(harness, user, Guid.NewGuid());

        var full = await Check(harness, user);
        Assert.False(full.Allowed);
        Assert.Equal((3, 3, "Free"), (full.Used, full.Limit, full.PlanName));
        Assert.Contains("1 February 2027", full.Reason, StringComparison.Ordinal);

        // 1 February 00:30 in Berlin is still 31 January in UTC: no reset yet.
        harness.Clock.Set(new DateTimeOffset(2027, 2, 1, 0, 30, 0, TimeSpan.FromHours(1)));
        Assert.False((await Check(harness, user)).Allowed);
        harness.Clock.Set(new DateTimeOffset(2027, 2, 1, 0, 0, 0, TimeSpan.Zero));
        Assert.Equal(new QuotaCheck(true, 0, 3, "Free", null), await Check(harness, user));
        await Record(harness, user, Guid.NewGuid());
        Assert.Equal(1, (await Check(harness, user)).Used);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Recording_the_same_application_twice_or_from_many_workers_at_once_counts_it_once(string provider)
    {
        await using var harness = await PlansHarness.CreateAsync(provider, SmallFreePlan);
        var user = await harness.AddCandidateAsync("once@example.com");
        var application = Guid.NewGuid();

        await Record(harness, user, application);
        await Record(harness, user, application);
        var racing = Guid.NewGuid();
        await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Task.Run(() => Record(harness, user, racing))));

        Assert.Equal(2, (await Check(harness, user)).Used);
        var rows = await harness.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Set<UsageRecord>().CountAsync(u => u.ApplicationId == racing));
        Assert.Equal(1, rows);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_unlimited_plan_allows_any_number_and_reports_minus_one(string provider)
    {
        await using var harness = await PlansHarness.CreateAsync(provider, SmallFreePlan);
        var user = await harness.AddCandidateAsync("unlimited@example.com");
        for (var i = 0; i < 5; i++) await Record(harness, user, Guid.NewGuid());
        Assert.False((await Check(harness, user)).Allowed);

        var upgrade = await harness.InScopeAsync(sp => sp.GetRequiredService<SubscriptionService>().UpgradeAsync(user, "enterprise", CancellationToken.None));

        Assert.Equal(UpgradeResult.Changed, upgrade.Outcome);
        Assert.Equal(new QuotaCheck(true, 5, -1, "Enterprise", null), await Check(harness, user));
    }

    [Theory]
    [InlineData(0, 10, true)]
    [InlineData(9, 10, true)]
    [InlineData(10, 10, false)]
    [InlineData(11, 10, false)]
    [InlineData(0, 0, false)]
    [InlineData(100000, -1, true)]
    public void The_quota_rule_allows_strictly_below_the_limit_and_always_when_unlimited(int used, int limit, bool allowed)
    {
        var plan = new Plan("p", "P", limit, 0m, "USD", [], 0);
        var check = UsageMeter.Decide(plan, used, new DateTimeOffset(2026, 12, 31, 23, 0, 0, TimeSpan.Zero));
        Assert.Equal(allowed, check.Allowed);
        Assert.Equal(allowed, check.Reason is null);
        if (!allowed) Assert.Contains("1 January 2027", check.Reason, StringComparison.Ordinal);
    }

    private static Task<QuotaCheck> Check(PlansHarness harness, string user) =>
        harness.InScopeAsync(sp => sp.GetRequiredService<UsageMeter>().CheckAsync(user, CancellationToken.None));

    private static Task Record(PlansHarness harness, string user, Guid application) =>
        harness.InScopeAsync(sp => sp.GetRequiredService<UsageMeter>().RecordSubmissionAsync(user, application, CancellationToken.None));
}
