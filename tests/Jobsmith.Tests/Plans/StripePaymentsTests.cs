using System.Text.Json.Nodes;
using Jobsmith.Core.Plans;
using Jobsmith.Core.Plans.Payments;
using Jobsmith.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using EventUtility = Stripe.EventUtility;

namespace Jobsmith.Tests.Plans;

/// <summary>
/// H1 through Stripe.net against a loopback server speaking Stripe's wire format (never the internet): checkout,
/// the signed webhook that activates the plan, a change of price, cancel at period end, and the end.
/// </summary>
public sealed class StripePaymentsTests
{
    private const string WebhookSecret = "whsec_standin_0123456789";

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Checkout_webhook_price_change_cancel_and_end_go_through_Stripe_net(string provider)
    {
        await using var stripe = await StripeStandIn.StartAsync();
        await using var harness = await PlansHarness.CreateAsync(provider, Settings(stripe));
        var user = await harness.AddCandidateAsync("payer@example.com");
        var start = harness.Clock.GetUtcNow();

        var upgrade = await harness.InScopeAsync(sp => sp.GetRequiredService<SubscriptionService>().UpgradeAsync(user, "pro", CancellationToken.None));

        Assert.Equal(UpgradeResult.Checkout, upgrade.Outcome);
        Assert.StartsWith(new Uri(stripe.BaseUri, "/c/pay/cs_test_").ToString(), upgrade.CheckoutUrl!.ToString(), StringComparison.Ordinal);
        Assert.Equal("free", upgrade.Subscription.Plan.Id);
        var checkout = Assert.Single(stripe.Requests);
        Assert.Equal(("POST", "/v1/checkout/sessions", "Bearer sk_test_standin"), (checkout.Method, checkout.Path, checkout.Authorization));
        Assert.Equal("subscription", checkout.Form["mode"]);
        Assert.Equal(("price_pro", "1"), (checkout.Form["line_items[0][price]"], checkout.Form["line_items[0][quantity]"]));
        Assert.Equal((user, user, "pro"), (checkout.Form["client_reference_id"], checkout.Form["subscription_data[metadata][jobsmith_user]"], checkout.Form["subscription_data[metadata][jobsmith_plan]"]));
        Assert.Equal("payer@example.com", checkout.Form["customer_email"]);
        Assert.Equal("http://127.0.0.1:5080/plan?checkout=done", checkout.Form["success_url"]);

        // The customer pays; Stripe creates the subscription and calls the webhook.
        stripe.CompleteCheckout("sub_1", "cus_1", "price_pro", new Dictionary<string, string> { ["jobsmith_user"] = user, ["jobsmith_plan"] = "pro" }, start);
        var completed = Event("evt_1", "checkout.session.completed", start, new JsonObject
        {
            ["id"] = "cs_test_1", ["object"] = "checkout.session", ["mode"] = "subscription", ["client_reference_id"] = user,
            ["subscription"] = "sub_1", ["customer"] = "cus_1", ["status"] = "complete",
        });
        var header = EventUtility.GenerateSignatureHeader(completed, WebhookSecret, start.ToUnixTimeSeconds());

        Assert.Equal(PaymentEventOutcome.Applied, (await Receive(harness, completed, header)).Outcome);
        var pro = await View(harness, user);
        Assert.Equal(("pro", 200, "stripe", start.AddMonths(1).UtcDateTime), (pro.Plan.Id, pro.Usage.Limit, pro.Provider, pro.CurrentPeriodEnd));
        Assert.Equal(("GET", "/v1/subscriptions/sub_1"), (stripe.Requests[^1].Method, stripe.Requests[^1].Path));

        // The same delivery again (a retry, or a replay inside the time window) changes nothing.
        Assert.Equal(PaymentEventOutcome.Duplicate, (await Receive(harness, completed, header)).Outcome);
        await Assert.ThrowsAsync<WebhookRejectedException>(() => Receive(harness, completed, EventUtility.GenerateSignatureHeader(completed, "whsec_wrong", start.ToUnixTimeSeconds())));
        await Assert.ThrowsAsync<WebhookRejectedException>(() => Receive(harness, completed, EventUtility.GenerateSignatureHeader(completed, WebhookSecret, start.AddMinutes(-6).ToUnixTimeSeconds())));
        await Assert.ThrowsAsync<WebhookRejectedException>(() => Receive(harness, completed, null));

        // Already paying: moving to Enterprise swaps the price on the same subscription, no second checkout.
        harness.Clock.Advance(TimeSpan.FromMinutes(1));
        var enterprise = await harness.InScopeAsync(sp => sp.GetRequiredService<SubscriptionService>().UpgradeAsync(user, "enterprise", CancellationToken.None));
        Assert.Equal((UpgradeResult.Changed, "enterprise", -1), (enterprise.Outcome, enterprise.Subscription.Plan.Id, enterprise.Subscription.Usage.Limit));
        var change = stripe.Requests[^1];
        Assert.Equal(("POST", "/v1/subscriptions/sub_1", "si_sub_1", "price_enterprise"), (change.Method, change.Path, change.Form["items[0][id]"], change.Form["items[0][price]"]));
        Assert.Single(stripe.Requests, r => r.Path == "/v1/checkout/sessions");

        harness.Clock.Advance(TimeSpan.FromMinutes(1));
        var cancelled = await harness.InScopeAsync(sp => sp.GetRequiredService<SubscriptionService>().CancelAsync(user, CancellationToken.None));
        Assert.Equal(("enterprise", true), (cancelled.Plan.Id, cancelled.CancelAtPeriodEnd));
        Assert.Equal("true", stripe.Requests[^1].Form["cancel_at_period_end"]);

        // Stripe ends it at period end and says so.
        var end = start.AddMonths(1);
        harness.Clock.Set(end);
        var subscription = stripe.CompleteCheckout("sub_1", "cus_1", "price_enterprise", new Dictionary<string, string> { ["jobsmith_user"] = user }, start);
        subscription["status"] = "canceled";
        var deleted = Event("evt_2", "customer.subscription.deleted", end, subscription);
        Assert.Equal(PaymentEventOutcome.Applied, (await Receive(harness, deleted, EventUtility.GenerateSignatureHeader(deleted, WebhookSecret, end.ToUnixTimeSeconds()))).Outcome);
        Assert.Equal(("free", 10, false), ((await View(harness, user)).Plan.Id, (await View(harness, user)).Usage.Limit, (await View(harness, user)).CancelAtPeriodEnd));
    }

    [SkippableFact]
    public async Task A_refusal_from_Stripe_is_a_plan_change_error_and_a_plan_without_a_price_cannot_be_bought()
    {
        await using var stripe = await StripeStandIn.StartAsync();
        var settings = Settings(stripe);
        settings.Remove("Plans:Catalog:enterprise:StripePriceId");
        await using var harness = await PlansHarness.CreateAsync(Jobsmith.Core.Data.DatabaseProviders.Sqlite, settings);
        var user = await harness.AddCandidateAsync("refused@example.com");

        var noPrice = await Assert.ThrowsAsync<PlanChangeException>(() => harness.InScopeAsync(sp => sp.GetRequiredService<SubscriptionService>().UpgradeAsync(user, "enterprise", CancellationToken.None)));
        Assert.Contains("no price", noPrice.Message, StringComparison.Ordinal);
        Assert.Empty(stripe.Requests);

        // A Stripe subscription the stand-in does not know: Stripe answers 404 resource_missing.
        var missing = Event("evt_9", "checkout.session.completed", harness.Clock.GetUtcNow(), new JsonObject
        {
            ["id"] = "cs_test_9", ["object"] = "checkout.session", ["mode"] = "subscription", ["client_reference_id"] = user, ["subscription"] = "sub_missing",
        });
        var refused = await Assert.ThrowsAsync<PlanChangeException>(() => Receive(harness, missing, EventUtility.GenerateSignatureHeader(missing, WebhookSecret, harness.Clock.GetUtcNow().ToUnixTimeSeconds())));
        Assert.Contains("No such subscription", refused.Message, StringComparison.Ordinal);
    }

    private static Dictionary<string, string?> Settings(StripeStandIn stripe) => new()
    {
        ["Plans:Stripe:SecretKey"] = "sk_test_standin",
        ["Plans:Stripe:WebhookSecret"] = WebhookSecret,
        ["Plans:Stripe:ApiBase"] = stripe.BaseUri.ToString(),
        ["Plans:Catalog:pro:StripePriceId"] = "price_pro",
        ["Plans:Catalog:enterprise:StripePriceId"] = "price_enterprise",
    };

    private static string Event(string id, string type, DateTimeOffset created, JsonObject dataObject) => new JsonObject
    {
        ["id"] = id,
        ["object"] = "event",
        ["api_version"] = "2026-10-28.endive",
        ["created"] = created.ToUnixTimeSeconds(),
        ["livemode"] = false,
        ["pending_webhooks"] = 1,
        ["type"] = type,
        ["data"] = new JsonObject { ["object"] = dataObject },
    }.ToJsonString();

    private static Task<PaymentEventResult> Receive(PlansHarness harness, string payload, string? header) =>
        harness.InScopeAsync(sp => sp.GetRequiredService<PaymentWebhooks>().ReceiveAsync(payload, header, CancellationToken.None));

    private static Task<SubscriptionView> View(PlansHarness harness, string user) =>
        harness.InScopeAsync(sp => sp.GetRequiredService<SubscriptionService>().GetAsync(user, CancellationToken.None));
}
