using Jobsmith.Core.Data;
using Jobsmith.Core.Notifications;
using Jobsmith.Core.Plans;
using Jobsmith.Core.Plans.Payments;
using Jobsmith.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jobsmith.Tests.Plans;

/// <summary>
/// H1 through the local payment stand-in on both databases: upgrade at once, cancel at period end, the expiry
/// notice once per period, the fall back to Free, local renewals, and webhooks applied once per event id.
/// </summary>
public sealed class SubscriptionFlowTests
{
    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Upgrade_cancel_notice_and_end_of_period(string provider)
    {
        await using var harness = await PlansHarness.CreateAsync(provider);
        var user = await harness.AddCandidateAsync("flow@example.com");
        var start = harness.Clock.GetUtcNow();

        var before = await View(harness, user);
        Assert.Equal(("free", 10, (DateTime?)null), (before.Plan.Id, before.Usage.Limit, before.CurrentPeriodEnd));

        var upgrade = await Service(harness, s => s.UpgradeAsync(user, "pro", CancellationToken.None));
        Assert.Equal(UpgradeResult.Changed, upgrade.Outcome);
        Assert.Equal(("pro", 200, "local", start.AddMonths(1).UtcDateTime), (upgrade.Subscription.Plan.Id, upgrade.Subscription.Usage.Limit,
            upgrade.Subscription.Provider, upgrade.Subscription.CurrentPeriodEnd));
        Assert.Contains("already", (await Assert.ThrowsAsync<PlanChangeException>(() => Service(harness, s => s.UpgradeAsync(user, "pro", CancellationToken.None)))).Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<PlanChangeException>(() => Service(harness, s => s.UpgradeAsync(user, "free", CancellationToken.None)));
        await Assert.ThrowsAsync<PlanChangeException>(() => Service(harness, s => s.UpgradeAsync(user, "platinum", CancellationToken.None)));

        harness.Clock.Advance(TimeSpan.FromMinutes(1));
        var cancelled = await Service(harness, s => s.CancelAsync(user, CancellationToken.None));
        Assert.Equal(("pro", true), (cancelled.Plan.Id, cancelled.CancelAtPeriodEnd));
        Assert.True((await Service(harness, s => s.CancelAsync(user, CancellationToken.None))).CancelAtPeriodEnd);

        // Nothing to say a week before the end; one notice three days before, however often the job runs.
        harness.Clock.Set(start.AddMonths(1).AddDays(-7));
        Assert.Equal(0, await Renew(harness));
        harness.Clock.Set(start.AddMonths(1).AddDays(-2));
        Assert.Equal(1, await Renew(harness));
        Assert.Equal(0, await Renew(harness));
        var notice = Assert.Single(await Notifications(harness, user), n => n.Type == PlanRenewals.ExpiryNoticeType);
        Assert.Equal($"Your Pro plan ends on {UsageMonth.Day(start.AddMonths(1).UtcDateTime)}", notice.Title);

        harness.Clock.Set(start.AddMonths(1).AddMinutes(1));
        Assert.Equal(1, await Renew(harness));
        var after = await View(harness, user);
        Assert.Equal(("free", false, (string?)null), (after.Plan.Id, after.CancelAtPeriodEnd, after.Provider));
        Assert.Equal(["plan_changed", "plan_cancelled", "plan_expiry", "plan_ended"], (await Notifications(harness, user)).Select(n => n.Type));
        // Back on Free, the candidate can buy again.
        Assert.Equal("pro", (await Service(harness, s => s.UpgradeAsync(user, "pro", CancellationToken.None))).Subscription.Plan.Id);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_local_plan_renews_at_period_end_and_a_lapsed_one_stops_counting_after_the_grace_days(string provider)
    {
        await using var harness = await PlansHarness.CreateAsync(provider);
        var renewing = await harness.AddCandidateAsync("renewing@example.com");
        var lapsing = await harness.AddCandidateAsync("lapsing@example.com");
        var start = harness.Clock.GetUtcNow();
        await Service(harness, s => s.UpgradeAsync(renewing, "pro", CancellationToken.None));
        await Service(harness, s => s.UpgradeAsync(lapsing, "enterprise", CancellationToken.None));

        // The worker runs for the renewing one only (the other's renewal is never heard of).
        harness.Clock.Set(start.AddMonths(1).AddHours(1));
        await harness.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            await db.Set<Subscription>().Where(s => s.UserId == lapsing).ExecuteUpdateAsync(u => u.SetProperty(s => s.Provider, "stripe"));
        });
        await Renew(harness);

        var renewed = await View(harness, renewing);
        Assert.Equal(("pro", start.AddMonths(1).AddMonths(1).UtcDateTime), (renewed.Plan.Id, renewed.CurrentPeriodEnd));
        Assert.Equal("enterprise", (await View(harness, lapsing)).Plan.Id);
        harness.Clock.Set(start.AddMonths(1).AddDays(3).AddHours(1));
        Assert.Equal(("free", 10), ((await View(harness, lapsing)).Plan.Id, (await Check(harness, lapsing)).Limit));
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_webhook_delivered_again_or_many_times_at_once_is_applied_once_and_a_stale_one_is_refused(string provider)
    {
        await using var harness = await PlansHarness.CreateAsync(provider);
        var user = await harness.AddCandidateAsync("replay@example.com");
        var local = harness.Host.Services.GetRequiredService<LocalPaymentProvider>();
        var plan = harness.Host.Services.GetRequiredService<PlanCatalog>().Find("pro")!;
        var hook = (await local.StartUpgradeAsync(new UpgradeRequest(user, null, plan, null, new Uri("http://127.0.0.1/plan")), CancellationToken.None)).Webhook!;

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => Receive(harness, hook))));
        Assert.Single(results, r => r.Outcome == PaymentEventOutcome.Applied);
        Assert.All(results.Where(r => r.Outcome != PaymentEventOutcome.Applied), r => Assert.Equal(PaymentEventOutcome.Duplicate, r.Outcome));
        Assert.Equal(PaymentEventOutcome.Duplicate, (await Receive(harness, hook)).Outcome);
        Assert.Single(await Notifications(harness, user), n => n.Type == "plan_changed");

        var later = (await local.CancelAtPeriodEndAsync((await Row(harness, user))!, CancellationToken.None)).Webhook!;
        harness.Clock.Advance(TimeSpan.FromMinutes(6));
        await Assert.ThrowsAsync<WebhookRejectedException>(() => Receive(harness, later));
        Assert.False((await View(harness, user)).CancelAtPeriodEnd);
        await Assert.ThrowsAsync<WebhookRejectedException>(() => Receive(harness, hook with { Payload = hook.Payload.Replace("\"pro\"", "\"enterprise\"", StringComparison.Ordinal) }));
    }

    private static Task<int> Renew(PlansHarness harness) => Service<int>(harness, sp => sp.GetRequiredService<PlanRenewals>().RunAsync(CancellationToken.None));

    private static Task<SubscriptionView> View(PlansHarness harness, string user) => Service(harness, s => s.GetAsync(user, CancellationToken.None));

    private static Task<QuotaCheck> Check(PlansHarness harness, string user) =>
        Service<QuotaCheck>(harness, sp => sp.GetRequiredService<UsageMeter>().CheckAsync(user, CancellationToken.None));

    private static Task<PaymentEventResult> Receive(PlansHarness harness, SignedWebhook hook) =>
        Service<PaymentEventResult>(harness, sp => sp.GetRequiredService<PaymentWebhooks>().ReceiveAsync(hook.Payload, hook.Signature, CancellationToken.None));

    private static Task<Subscription?> Row(PlansHarness harness, string user) =>
        Service<Subscription?>(harness, sp => sp.GetRequiredService<AppDbContext>().Set<Subscription>().AsNoTracking().FirstOrDefaultAsync(s => s.UserId == user));

    private static async Task<IReadOnlyList<Notification>> Notifications(PlansHarness harness, string user) =>
        [.. (await Service(harness, sp => sp.GetRequiredService<NotificationCenter>().ListAsync(user, 50, CancellationToken.None))).Where(n => n.Type.StartsWith("plan_", StringComparison.Ordinal)).Reverse()];

    private static Task<T> Service<T>(PlansHarness harness, Func<SubscriptionService, Task<T>> work) =>
        harness.InScopeAsync(sp => work(sp.GetRequiredService<SubscriptionService>()));

    private static Task<T> Service<T>(PlansHarness harness, Func<IServiceProvider, Task<T>> work) => harness.InScopeAsync(work);
}
