using Jobsmith.Core.Data;
using Jobsmith.Core.Notifications.Email;
using Jobsmith.Core.Notifications.Push;
using Jobsmith.Core.Notifications.Realtime;
using Jobsmith.Core.Notifications.Sms;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Jobsmith.Core.Notifications;

public static class NotificationsServiceCollectionExtensions
{
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.Section);
        services.AddSingleton<RealtimeBroker>();
        services.AddSingleton<ActivityPulse>();
        if (configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>()?.Provider == DatabaseProviders.Postgres)
        {
            services.AddSingleton<IRealtimePublisher, PostgresRealtimePublisher>();
            services.AddHostedService<PostgresRealtimeListener>();
        }
        else
        {
            services.AddSingleton<IRealtimePublisher, LocalRealtimePublisher>();
        }
        services.AddSingleton<OutboxEmailTransport>();
        services.AddSingleton<SmtpEmailTransport>();
        services.AddSingleton<IEmailTransport>(sp =>
            string.IsNullOrWhiteSpace(sp.GetRequiredService<IOptions<EmailOptions>>().Value.SmtpHost)
                ? sp.GetRequiredService<OutboxEmailTransport>()
                : sp.GetRequiredService<SmtpEmailTransport>());
        services.AddOptions<SmsOptions>().BindConfiguration(SmsOptions.Section);
        services.AddSingleton<OutboxSmsSender>();
        services.AddSingleton<TwilioSmsSender>();
        services.AddSingleton<ISmsSender>(sp =>
            sp.GetRequiredService<IOptions<SmsOptions>>().Value.UsesTwilio ? sp.GetRequiredService<TwilioSmsSender>() : sp.GetRequiredService<OutboxSmsSender>());
        services.AddScoped<NotificationCenter>();
        services.AddScoped<Preferences.NotificationPreferences>();
        services.AddScoped<NotificationEmails>();
        services.AddScoped<NotificationTexts>();
        services.AddWebPush();
        services.AddScoped<Agents.IAgent, WelcomeNotificationHandler>();
        return services;
    }
}
