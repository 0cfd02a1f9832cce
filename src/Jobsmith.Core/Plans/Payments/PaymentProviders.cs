using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Jobsmith.Core.Plans.Payments;

/// <summary>
/// Picks the provider: Stripe when a secret key is configured, the local stand-in otherwise. A subscription is always
/// changed through the provider that created it, so switching to Stripe leaves local test subscriptions workable.
/// </summary>
public sealed class PaymentProviders(IServiceProvider services, IOptions<PlansOptions> options)
{
    public IPaymentProvider Active => options.Value.Stripe.Enabled
        ? services.GetRequiredService<StripePaymentProvider>()
        : services.GetRequiredService<LocalPaymentProvider>();

    public IPaymentProvider For(string? name) => name switch
    {
        StripePaymentProvider.ProviderName when options.Value.Stripe.Enabled => services.GetRequiredService<StripePaymentProvider>(),
        LocalPaymentProvider.ProviderName => services.GetRequiredService<LocalPaymentProvider>(),
        _ => Active,
    };

    public LocalPaymentProvider Local => services.GetRequiredService<LocalPaymentProvider>();
}
