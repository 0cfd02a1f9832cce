using Jobsmith.Core.Notifications.Email;
using Jobsmith.Core.Notifications.Realtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Jobsmith.Core.Notifications;

public static class NotificationsServiceCollectionExtensions
{
    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.Section);
        services.AddSingleton<RealtimeBroker>();
        services.AddSingleton<OutboxEmailTransport>();
        services.AddSingleton<SmtpEmailTransport>();
        services.AddSingleton<IEmailTransport>(sp =>
            string.IsNullOrWhiteSpace(sp.GetRequiredService<IOptions<EmailOptions>>().Value.SmtpHost)
                ? sp.GetRequiredService<OutboxEmailTransport>()
                : sp.GetRequiredService<SmtpEmailTransport>());
        services.AddScoped<NotificationCenter>();
        services.AddScoped<Agents.IAgent, WelcomeNotificationHandler>();
        return services;
    }
}
