using Jobsmith.Core.Ai.Usage;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Jobsmith.Core.Ai;

public static class AiServiceCollectionExtensions
{
    /// <summary>
    /// Registers the AI layer from section "Ai". Provider none registers only <see cref="AiAvailability"/>
    /// and <see cref="PromptTemplates"/>; otherwise also IChatClient and <see cref="StructuredExtraction"/>,
    /// plus an embedding generator for openai when Ai:EmbeddingModel is set.
    /// </summary>
    public static IServiceCollection AddJobsmithAi(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(AiOptions.SectionName);
        services.AddOptions<AiOptions>().Bind(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AiOptions>, AiOptionsValidator>();
        services.AddSingleton<AiAvailability>();
        services.AddSingleton<PromptTemplates>();

        // Which services exist has to be decided now, before the container is built; their settings
        // are still read (and validated) through IOptions when first resolved.
        var configured = section.Get<AiOptions>() ?? new AiOptions();
        if (configured.Provider == AiProvider.None)
            return services;

        // Every call is metered (I1) when the host has a database to keep the records in.
        services.AddSingleton<IChatClient>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<AiOptions>>().Value;
            var client = options.Provider == AiProvider.Anthropic ? new AnthropicChatClient(options) : OpenAiClients.CreateChat(options);
            return sp.GetService<AiCallLedger>() is { } ledger ? new MeteredChatClient(client, ledger) : client;
        });
        services.AddSingleton<StructuredExtraction>();
        if (configured.Provider == AiProvider.OpenAi && !string.IsNullOrWhiteSpace(configured.EmbeddingModel))
        {
            services.AddSingleton(sp =>
            {
                var generator = OpenAiClients.CreateEmbeddings(sp.GetRequiredService<IOptions<AiOptions>>().Value);
                return sp.GetService<AiCallLedger>() is { } ledger ? new MeteredEmbeddingGenerator(generator, ledger) : generator;
            });
        }
        return services;
    }

    /// <summary>The ledger of model calls (I1); only hosts with a database register it.</summary>
    public static IServiceCollection AddAiUsage(this IServiceCollection services)
    {
        services.AddSingleton(sp => new AiCallLedger(sp.GetRequiredService<Data.ResolvedDatabase>(), sp.GetRequiredService<Data.SqlitePragmaInterceptor>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<AiCallLedger>>()));
        services.AddScoped<AiUsageReport>();
        return services;
    }
}
