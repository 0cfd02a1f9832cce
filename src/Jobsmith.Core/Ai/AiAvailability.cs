using Microsoft.Extensions.Options;

namespace Jobsmith.Core.Ai;

/// <summary>
/// Always registered. With Provider none there is no IChatClient, no embedding generator and no
/// StructuredExtraction in the container; features ask here first and fall back to their non-AI path.
/// </summary>
public sealed class AiAvailability(IOptions<AiOptions> options)
{
    public AiProvider Provider => options.Value.Provider;

    public bool ChatAvailable => Provider != AiProvider.None;

    public bool EmbeddingsAvailable =>
        Provider == AiProvider.OpenAi && !string.IsNullOrWhiteSpace(options.Value.EmbeddingModel);
}
