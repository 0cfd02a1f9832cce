using Jobsmith.Core.Plans.Payments;

namespace Jobsmith.Core.Plans;

/// <summary>
/// The webhook use case: the provider verifies the signature and time window and reads the event; the change is
/// applied at most once per event id. Anything unverified is refused before it touches the database.
/// </summary>
public sealed class PaymentWebhooks(PaymentProviders providers, SubscriptionChanges changes)
{
    /// <exception cref="WebhookRejectedException">The delivery did not verify.</exception>
    public Task<PaymentEventResult> ReceiveAsync(string payload, string? signatureHeader, CancellationToken cancellationToken) =>
        ReceiveAsync(providers.Active, payload, signatureHeader, cancellationToken);

    public async Task<PaymentEventResult> ReceiveAsync(IPaymentProvider provider, string payload, string? signatureHeader, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(provider);
        var paymentEvent = await provider.ReadWebhookAsync(payload, signatureHeader, cancellationToken);
        return await changes.ApplyAsync(provider.Name, paymentEvent, cancellationToken);
    }
}
