using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace Jobsmith.Core.Plans.Payments;

/// <summary>
/// The payment stand-in used when no Stripe key is configured (development, self-hosting without billing, tests):
/// an upgrade or cancel takes effect at once, and it does so by writing a Stripe-shaped event signed the way Stripe
/// signs, which goes through the same verification and event handling as a real webhook.
/// </summary>
public sealed class LocalPaymentProvider : IPaymentProvider
{
    public const string ProviderName = "local";
    public const string SubscriptionUpdated = "customer.subscription.updated";
    public const string SubscriptionDeleted = "customer.subscription.deleted";

    private readonly string _secret;
    private readonly TimeSpan _tolerance;
    private readonly TimeProvider _clock;

    public LocalPaymentProvider(IOptions<PlansOptions> options, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        // Without a configured secret each process makes its own, so nobody outside can forge a local webhook.
        _secret = options.Value.LocalWebhookSecret is { Length: > 0 } s ? s : "whsec_local_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        _tolerance = TimeSpan.FromSeconds(options.Value.WebhookToleranceSeconds);
        _clock = clock;
    }

    public string Name => ProviderName;

    public Task<ProviderOutcome> StartUpgradeAsync(UpgradeRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = _clock.GetUtcNow();
        var subscriptionId = request.Current is { Provider: ProviderName, ProviderSubscriptionId: { } existing } ? existing : "sub_local_" + Guid.CreateVersion7(now).ToString("N");
        return Task.FromResult(new ProviderOutcome(Webhook: Signed(SubscriptionUpdated, request.UserId, request.Plan.Id, subscriptionId,
            now, now.AddMonths(1), cancelAtPeriodEnd: false)));
    }

    public Task<ProviderOutcome> CancelAtPeriodEndAsync(Subscription current, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(current);
        var now = _clock.GetUtcNow();
        return Task.FromResult(new ProviderOutcome(Webhook: Signed(SubscriptionUpdated, current.UserId, current.PlanId, current.ProviderSubscriptionId ?? "",
            current.CurrentPeriodStart ?? now.UtcDateTime, current.CurrentPeriodEnd ?? now.UtcDateTime, cancelAtPeriodEnd: true)));
    }

    /// <summary>A renewal at period end, as a paying stand-in customer would get one.</summary>
    public SignedWebhook Renewal(Subscription current)
    {
        ArgumentNullException.ThrowIfNull(current);
        var start = current.CurrentPeriodEnd ?? _clock.GetUtcNow().UtcDateTime;
        return Signed(SubscriptionUpdated, current.UserId, current.PlanId, current.ProviderSubscriptionId ?? "", start, start.AddMonths(1), cancelAtPeriodEnd: false);
    }

    public Task<PaymentEvent> ReadWebhookAsync(string payload, string? signatureHeader, CancellationToken cancellationToken)
    {
        WebhookSignature.Verify(payload, signatureHeader, _secret, _clock.GetUtcNow(), _tolerance);
        try
        {
            return Task.FromResult(Parse(payload));
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            throw new WebhookRejectedException("The webhook body is not an event.");
        }
    }

    private static PaymentEvent Parse(string payload)
    {
        var root = JsonNode.Parse(payload);
        var id = root?["id"]?.GetValue<string>();
        var type = root?["type"]?.GetValue<string>();
        var created = root?["created"]?.GetValue<long>();
        var sub = root?["data"]?["object"];
        if (id is null || type is null || created is null || sub is null) throw new WebhookRejectedException("The webhook body is not an event.");

        var kind = type switch { SubscriptionUpdated => PaymentEventKind.Changed, SubscriptionDeleted => PaymentEventKind.Ended, _ => PaymentEventKind.Ignored };
        return new PaymentEvent(id, type, DateTimeOffset.FromUnixTimeSeconds(created.Value).UtcDateTime, kind,
            UserId: sub["metadata"]?["jobsmith_user"]?.GetValue<string>(),
            PlanId: sub["metadata"]?["jobsmith_plan"]?.GetValue<string>(),
            CustomerId: sub["customer"]?.GetValue<string>(),
            SubscriptionId: sub["id"]?.GetValue<string>(),
            Status: sub["status"]?.GetValue<string>(),
            PeriodStart: Time(sub["current_period_start"]),
            PeriodEnd: Time(sub["current_period_end"]),
            CancelAtPeriodEnd: sub["cancel_at_period_end"]?.GetValue<bool>() ?? false);
    }

    private SignedWebhook Signed(string type, string userId, string planId, string subscriptionId, DateTimeOffset start, DateTimeOffset end, bool cancelAtPeriodEnd)
    {
        var now = _clock.GetUtcNow();
        var payload = new JsonObject
        {
            ["id"] = "evt_local_" + Guid.CreateVersion7(now).ToString("N"),
            ["object"] = "event",
            ["type"] = type,
            ["created"] = now.ToUnixTimeSeconds(),
            ["data"] = new JsonObject
            {
                ["object"] = new JsonObject
                {
                    ["id"] = subscriptionId,
                    ["object"] = "subscription",
                    ["customer"] = "cus_local_" + userId,
                    ["status"] = "active",
                    ["cancel_at_period_end"] = cancelAtPeriodEnd,
                    ["current_period_start"] = start.ToUnixTimeSeconds(),
                    ["current_period_end"] = end.ToUnixTimeSeconds(),
                    ["metadata"] = new JsonObject { ["jobsmith_user"] = userId, ["jobsmith_plan"] = planId },
                },
            },
        }.ToJsonString();
        return new SignedWebhook(payload, WebhookSignature.Sign(payload, _secret, now));
    }

    private static DateTime? Time(JsonNode? unix) => unix is null ? null : DateTimeOffset.FromUnixTimeSeconds(unix.GetValue<long>()).UtcDateTime;
}
