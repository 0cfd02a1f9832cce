using Jobsmith.Core.Ai;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Jobsmith.Tests.Ai;

public sealed class AiRegistrationTests
{
    private static ServiceProvider Build(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>($"Ai:{s.Key}", s.Value)))
            .Build();
        return new ServiceCollection().AddJobsmithAi(configuration).BuildServiceProvider();
    }

    [Fact]
    public void None_registers_no_clients_and_reports_unavailable()
    {
        using var services = Build();

        Assert.Null(services.GetService<IChatClient>());
        Assert.Null(services.GetService<IEmbeddingGenerator<string, Embedding<float>>>());
        Assert.Null(services.GetService<StructuredExtraction>());
        var availability = services.GetRequiredService<AiAvailability>();
        Assert.False(availability.ChatAvailable);
        Assert.False(availability.EmbeddingsAvailable);
        Assert.NotNull(services.GetService<PromptTemplates>());
    }

    [Fact]
    public void OpenAi_with_embedding_model_registers_chat_and_embeddings()
    {
        using var services = Build(("Provider", "openai"), ("Model", "llama3.1"), ("Endpoint", "http://127.0.0.1:11434/v1"),
            ("EmbeddingModel", "nomic-embed-text"), ("Timeout", "00:00:30"));

        var chat = services.GetRequiredService<IChatClient>();
        // The OpenAI SDK's clients underneath, bound to the configured models and endpoint.
        Assert.NotNull(chat.GetService<OpenAI.Chat.ChatClient>());
        var metadata = chat.GetService<ChatClientMetadata>()!;
        Assert.Equal(("openai", "llama3.1"), (metadata.ProviderName, metadata.DefaultModelId));
        Assert.Equal(new Uri("http://127.0.0.1:11434/v1"), metadata.ProviderUri);
        var embeddings = services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();
        Assert.Equal("nomic-embed-text", embeddings.GetService<EmbeddingGeneratorMetadata>()!.DefaultModelId);
        Assert.NotNull(services.GetService<StructuredExtraction>());
        Assert.True(services.GetRequiredService<AiAvailability>().EmbeddingsAvailable);
        Assert.Equal(TimeSpan.FromSeconds(30), services.GetRequiredService<IOptions<AiOptions>>().Value.Timeout);
    }

    [Fact]
    public void Anthropic_registers_chat_only()
    {
        using var services = Build(("Provider", "Anthropic"), ("Model", "claude-sonnet-4-5"), ("ApiKey", "sk-ant-x"));

        Assert.IsType<AnthropicChatClient>(services.GetRequiredService<IChatClient>());
        Assert.Null(services.GetService<IEmbeddingGenerator<string, Embedding<float>>>());
        Assert.True(services.GetRequiredService<AiAvailability>().ChatAvailable);
    }

    [Theory]
    [InlineData("anthropic", "", "sk-ant-x", null, "Ai:Model is required")]
    [InlineData("anthropic", "claude-sonnet-4-5", "", null, "Ai:ApiKey is required")]
    [InlineData("openai", "gpt-4o-mini", "", null, "Ai:ApiKey is required")]
    [InlineData("openai", "gpt-4o-mini", "sk-x", "ftp://example.test", "Ai:Endpoint must be an absolute http(s) URL")]
    public void Invalid_settings_fail_validation_with_a_clear_message(string provider, string model, string key, string? endpoint, string expected)
    {
        var settings = new List<(string, string)> { ("Provider", provider), ("Model", model), ("ApiKey", key) };
        if (endpoint is not null) settings.Add(("Endpoint", endpoint));
        using var services = Build([.. settings]);

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<AiOptions>>().Value);

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("sk-", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Embedding_model_with_anthropic_is_rejected()
    {
        using var services = Build(("Provider", "anthropic"), ("Model", "claude-sonnet-4-5"), ("ApiKey", "sk-ant-x"), ("EmbeddingModel", "e"));

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<AiOptions>>().Value);

        Assert.Contains("EmbeddingModel", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Keyless_local_openai_endpoint_is_valid()
    {
        using var services = Build(("Provider", "openai"), ("Model", "llama3.1"), ("Endpoint", "http://127.0.0.1:8080/v1"));

        Assert.Equal(AiProvider.OpenAi, services.GetRequiredService<IOptions<AiOptions>>().Value.Provider);
    }
}
