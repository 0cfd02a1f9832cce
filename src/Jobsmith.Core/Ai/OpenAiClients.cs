using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using OpenAI;

namespace Jobsmith.Core.Ai;

/// <summary>
/// Chat and embeddings for any OpenAI-compatible endpoint (OpenAI, Ollama, vLLM, llama.cpp), through
/// Microsoft.Extensions.AI.OpenAI for chat. We add only our settings and the translation of failures into
/// <see cref="AiProviderException"/>; embeddings keep <see cref="OpenAiEmbeddingGenerator"/> (see there why).
/// </summary>
public static class OpenAiClients
{
    public const string ProviderName = "openai";

    // The SDK refuses an empty credential; keyless local servers ignore the header.
    private const string KeylessPlaceholder = "no-key";

    public static IChatClient CreateChat(AiOptions options)
    {
        var model = options.Model ?? throw new InvalidOperationException("No model configured (Ai:Model).");
        return Connect(options).GetChatClient(model).AsIChatClient()
            .AsBuilder()
            .Use(inner => new OpenAiChatFailures(inner, options))
            // Our output cap applies unless a caller sets its own.
            .ConfigureOptions(o => o.MaxOutputTokens ??= options.MaxOutputTokens)
            .Build();
    }

    public static IEmbeddingGenerator<string, Embedding<float>> CreateEmbeddings(AiOptions options) => new OpenAiEmbeddingGenerator(options);

    internal static readonly Uri DefaultEndpoint = new("https://api.openai.com/v1");

    internal static OpenAIClient Connect(AiOptions options)
    {
        var clientOptions = new OpenAIClientOptions
        {
            NetworkTimeout = options.Timeout,
            RetryPolicy = new ClientRetryPolicy(options.MaxRetries),
        };
        if (options.Endpoint is not null)
            clientOptions.Endpoint = options.Endpoint;
        var key = string.IsNullOrWhiteSpace(options.ApiKey) ? KeylessPlaceholder : options.ApiKey;
        return new OpenAIClient(new ApiKeyCredential(key), clientOptions);
    }
}
