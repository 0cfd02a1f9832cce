using Microsoft.Extensions.AI;

namespace Jobsmith.Core.Ai;

/// <summary>Token usage of one model call, stored by callers on the agent task for cost accounting.</summary>
public sealed record AiUsage(string Provider, string Model, long InputTokens, long OutputTokens)
{
    public static AiUsage From(ChatResponse response, IChatClient client)
    {
        var metadata = client.GetService<ChatClientMetadata>();
        return new AiUsage(
            metadata?.ProviderName ?? "unknown",
            response.ModelId ?? metadata?.DefaultModelId ?? "unknown",
            response.Usage?.InputTokenCount ?? 0,
            response.Usage?.OutputTokenCount ?? 0);
    }
}
