using Jobsmith.Core.Ai;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Jobsmith.Core.Inbox;

public static class InboxServiceCollectionExtensions
{
    /// <summary>Inbox replies (G2). The poller is scheduled with the other system jobs in AddAgents (one Quartz configuration).</summary>
    public static IServiceCollection AddInbox(this IServiceCollection services)
    {
        services.AddOptions<InboxOptions>().BindConfiguration(InboxOptions.Section);
        services.AddScoped<InboundAddresses>();
        services.AddScoped<InboundWebhooks>();
        services.AddScoped<MailboxSettings>();
        services.AddSingleton<ImapConnector>();
        services.AddScoped<ImapPoller>();
        services.AddScoped<ReplyMatcher>();
        services.AddScoped<ReplyEffects>();
        services.AddScoped<InboxService>();
        services.AddScoped<InboxQueries>();
        services.AddScoped<ReplyFiling>();
        services.AddInboxClassifier();
        return services;
    }

    /// <summary>The classifier alone (the CLI's `inbox classify` needs nothing else): the model only when a provider is configured.</summary>
    public static IServiceCollection AddInboxClassifier(this IServiceCollection services)
    {
        services.AddScoped(sp => new ReplyClassifier(
            sp.GetRequiredService<AiAvailability>().ChatAvailable ? sp.GetService<IChatClient>() : null,
            sp.GetRequiredService<PromptTemplates>(),
            sp.GetRequiredService<ILogger<ReplyClassifier>>()));
        return services;
    }
}
