using Microsoft.Extensions.AI;
using OpenAI;
using OpenAI.Embeddings;

namespace Jobsmith.Core.Ai;

/// <summary>
/// IEmbeddingGenerator over the OpenAI SDK's embeddings endpoint (OpenAI, Ollama, vLLM, llama.cpp). Kept rather than
/// Microsoft.Extensions.AI.OpenAI's generator because that one returns vectors in the server's order and drops each
/// item's index, and some compatible servers answer out of order; callers pair vectors with inputs by position.
/// </summary>
public sealed class OpenAiEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    private readonly AiOptions _options;
    private readonly OpenAIClient _client;
    private readonly EmbeddingGeneratorMetadata _metadata;

    public OpenAiEmbeddingGenerator(AiOptions options)
    {
        _options = options;
        _client = OpenAiClients.Connect(options);
        _metadata = new EmbeddingGeneratorMetadata(OpenAiClients.ProviderName, options.Endpoint ?? OpenAiClients.DefaultEndpoint, options.EmbeddingModel);
    }

    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, Microsoft.Extensions.AI.EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var model = options?.ModelId ?? _options.EmbeddingModel ?? throw new InvalidOperationException("No embedding model configured (Ai:EmbeddingModel).");
        var inputs = values.ToList();
        var request = new OpenAI.Embeddings.EmbeddingGenerationOptions { Dimensions = options?.Dimensions };
        var result = await OpenAiFailures.GuardAsync(
            async () => (await _client.GetEmbeddingClient(model).GenerateEmbeddingsAsync(inputs, request, cancellationToken)).Value,
            _options, cancellationToken);

        if (result.Count != inputs.Count)
            throw new AiProviderException(OpenAiClients.ProviderName, AiFailureKind.InvalidResponse, null,
                $"{OpenAiClients.ProviderName} returned {result.Count} embeddings for {inputs.Count} inputs.");
        // The API may return items out of order; Index ties each vector to its input.
        var embeddings = result.OrderBy(e => e.Index)
            .Select(e => new Embedding<float>(e.ToFloats()) { ModelId = result.Model })
            .ToList();
        return new GeneratedEmbeddings<Embedding<float>>(embeddings)
        {
            Usage = result.Usage is { } usage
                ? new UsageDetails { InputTokenCount = usage.InputTokenCount, TotalTokenCount = usage.TotalTokenCount }
                : null,
        };
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is not null ? null
        : serviceType == typeof(EmbeddingGeneratorMetadata) ? _metadata
        : serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose()
    {
        // Nothing of ours to release; the SDK pipeline is shared and stateless.
    }
}
