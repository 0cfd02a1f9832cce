namespace Jobsmith.Core.Plans.Payments;

/// <summary>
/// The payment seam (H1): Stripe in production, a local stand-in for development and tests. Each provider starts an
/// upgrade, cancels at period end, and turns a signed webhook into a <see cref="PaymentEvent"/>, refusing any whose
/// signature or timestamp does not verify.
/// </summary>
public interface IPaymentProvider
{
    string Name { get; }

    Task<ProviderOutcome> StartUpgradeAsync(UpgradeRequest request, CancellationToken cancellationToken);

    Task<ProviderOutcome> CancelAtPeriodEndAsync(Subscription current, CancellationToken cancellationToken);

    /// <exception cref="WebhookRejectedException">The signature is missing, wrong or outside the time window, or the body is not an event.</exception>
    Task<PaymentEvent> ReadWebhookAsync(string payload, string? signatureHeader, CancellationToken cancellationToken);
}

public sealed record UpgradeRequest(string UserId, string? Email, Plan Plan, Subscription? Current, Uri ReturnUrl);

/// <summary>
/// What a provider call led to: a page the candidate must visit to pay, a signed webhook to process now (the local
/// stand-in), or a state the provider's API already confirmed.
/// </summary>
public sealed record ProviderOutcome(Uri? RedirectTo = null, SignedWebhook? Webhook = null, PaymentEvent? Confirmed = null);

public sealed record SignedWebhook(string Payload, string Signature);

public enum PaymentEventKind
{
    /// <summary>An event this app has no use for; acknowledged so the provider stops sending it.</summary>
    Ignored,
    /// <summary>The subscription exists with this plan, status and period.</summary>
    Changed,
    /// <summary>The subscription is over; the candidate goes back to the default plan.</summary>
    Ended,
}

/// <summary>A provider's event in this app's terms. <see cref="Id"/> is null for states read from an API reply rather than a webhook.</summary>
public sealed record PaymentEvent(
    string? Id,
    string Type,
    DateTime CreatedAt,
    PaymentEventKind Kind,
    string? UserId = null,
    string? PlanId = null,
    string? CustomerId = null,
    string? SubscriptionId = null,
    string? Status = null,
    DateTime? PeriodStart = null,
    DateTime? PeriodEnd = null,
    bool CancelAtPeriodEnd = false);

public sealed class WebhookRejectedException(string message) : Exception(message);

/// <summary>A plan change the provider or the rules refuse, with a message fit for the candidate.</summary>
public sealed class PlanChangeException(string message) : Exception(message);
