using Jobsmith.Core.Plans.Payments;
using Microsoft.Extensions.DependencyInjection;

namespace Jobsmith.Core.Plans;

public static class PlansServiceCollectionExtensions
{
    public static IServiceCollection AddPlans(this IServiceCollection services)
    {
        services.AddOptions<PlansOptions>().BindConfiguration(PlansOptions.Section).ValidateDataAnnotations()
            .Validate(o => !o.Stripe.Enabled || !string.IsNullOrWhiteSpace(o.Stripe.WebhookSecret),
                "Plans:Stripe:WebhookSecret is required when Plans:Stripe:SecretKey is set: webhooks cannot be verified without it.")
            .ValidateOnStart();
        services.AddSingleton<PlanCatalog>();
        services.AddSingleton<LocalPaymentProvider>();
        services.AddSingleton<StripePaymentProvider>();
        services.AddScoped<PaymentProviders>();
        services.AddScoped<UsageMeter>();
        services.AddScoped<SubscriptionChanges>();
        services.AddScoped<PaymentWebhooks>();
        services.AddScoped<SubscriptionService>();
        services.AddScoped<PlanRenewals>();
        return services;
    }
}
