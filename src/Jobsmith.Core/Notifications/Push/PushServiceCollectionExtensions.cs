using Microsoft.Extensions.DependencyInjection;

namespace Jobsmith.Core.Notifications.Push;

public static class PushServiceCollectionExtensions
{
    /// <summary>Web Push (G3): options, the install's VAPID keys (made at start), subscriptions and sending.</summary>
    public static IServiceCollection AddWebPush(this IServiceCollection services)
    {
        services.AddOptions<PushOptions>().BindConfiguration(PushOptions.Section).ValidateDataAnnotations()
            .Validate(o => PushOptions.IsValidSubject(o.Subject), "Push:Subject must be a mailto: address or an https: URL.")
            .ValidateOnStart();
        services.AddSingleton<VapidKeys>();
        services.AddHostedService<VapidKeysAtStartup>();
        services.AddSingleton<WebPushTransport>();
        services.AddSingleton<PushEndpointPolicy>();
        services.AddScoped<PushSubscriptions>();
        services.AddScoped<NotificationPushes>();
        return services;
    }
}
