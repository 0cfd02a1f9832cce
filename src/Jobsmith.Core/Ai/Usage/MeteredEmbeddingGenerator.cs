using System.Diagnostics;
using Microsoft.Extensions.AI;

namespace Jobsmith.Core.Ai.Usage;

/// <summary>Records every embedding call's tokens in the <see cref="AiCallLedger"/> (I1), failed calls included.</summary>
internal sealed class MeteredEmbeddingGenerator(IEmbeddingGenerator<string, Embedding<float>> inner, AiCallLedger ledger)
    : DelegatingEmbeddingGenerator<string, Embedding<float>>(inner)
{
    public override async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        var metadata = this.GetService<EmbeddingGeneratorMetadata>();
        try
        {
            var embeddings = await base.GenerateAsync(values, options, cancellationToken);
            var model = embeddings.FirstOrDefault()?.ModelId ?? options?.ModelId ?? metadata?.DefaultModelId ?? "unknown";
            ledger.Record(metadata?.ProviderName ?? "unknown", model, AiCallKinds.Embedding,
                embeddings.Usage?.InputTokenCount ?? 0, 0, Stopwatch.GetElapsedTime(started), failed: false);
            return embeddings;
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            ledger.Record(metadata?.ProviderName ?? "unknown", options?.ModelId ?? metadata?.DefaultModelId ?? "unknown", AiCallKinds.Embedding,
                0, 0, Stopwatch.GetElapsedTime(started), failed: true);
            throw;
        }
    }
}
