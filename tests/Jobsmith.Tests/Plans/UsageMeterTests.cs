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
        var places = new List<bool>();
        for (var i = 0; i < 5; i++) places.Add((await Record(harness, user, Guid.NewGuid())).Allowed);
        Assert.Equal([true, true, true, false, false], places);
        Assert.False((await Check(harness, user)).Allowed);

        var upgrade = await harness.InScopeAsync(sp => sp.GetRequiredService<SubscriptionService>().UpgradeAsync(user, "enterprise", CancellationToken.None));

        Assert.Equal(UpgradeResult.Changed, upgrade.Outcome);
        Assert.Equal(new QuotaCheck(true, 3, -1, "Enterprise", null), await Check(harness, user));
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => Record(harness, user, Guid.NewGuid()))));
        Assert.Equal(11, (await Check(harness, user)).Used);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Twelve_applications_sent_at_once_for_the_last_two_places_take_exactly_two(string provider)
    {
        await using var harness = await PlansHarness.CreateAsync(provider, SmallFreePlan);
        var user = await harness.AddCandidateAsync("race@example.com");
        Assert.True((await Record(harness, user, Guid.NewGuid())).Allowed);

        var racing = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Task.Run(() => Record(harness, user, Guid.NewGuid()))));

        Assert.Equal(2, racing.Count(r => r.Allowed));
        Assert.All(racing.Where(r => !r.Allowed), r => Assert.Contains("3 of 3", r.Reason, StringComparison.Ordinal));
        Assert.Equal(3, await Rows(harness, user));
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_place_given_back_when_nothing_went_out_can_be_taken_by_the_next_application(string provider)
    {
        await using var harness = await PlansHarness.CreateAsync(provider, SmallFreePlan);
        var user = await harness.AddCandidateAsync("release@example.com");
        var applications = Enumerable.Range(0, 4).Select(_ => Guid.NewGuid()).ToArray();
        foreach (var application in applications[..3]) Assert.True((await Record(harness, user, application)).Allowed);
        Assert.False((await Record(harness, user, applications[3])).Allowed);

        await harness.InScopeAsync(sp => sp.GetRequiredService<UsageMeter>().ReleaseAsync(applications[1], CancellationToken.None));

        Assert.Equal(2, (await Check(harness, user)).Used);
        Assert.True((await Record(harness, user, applications[3])).Allowed);
        // A retried step for an application that holds a place keeps it, even when the month is full.
        Assert.True((await Record(harness, user, applications[0])).Allowed);
        Assert.Equal(3, await Rows(harness, user));
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

    private static Task<QuotaCheck> Record(PlansHarness harness, string user, Guid application) =>
        harness.InScopeAsync(sp => sp.GetRequiredService<UsageMeter>().ReserveAsync(user, application, CancellationToken.None));

    private static Task<int> Rows(PlansHarness harness, string user) =>
        harness.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Set<UsageRecord>().CountAsync(u => u.UserId == user));
}
