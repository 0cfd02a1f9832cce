using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace Jobsmith.Core.Ai.Usage;

/// <summary>Records every chat call's tokens in the <see cref="AiCallLedger"/> (I1), failed calls included.</summary>
internal sealed class MeteredChatClient(IChatClient inner, AiCallLedger ledger) : DelegatingChatClient(inner)
{
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await base.GetResponseAsync(messages, options, cancellationToken);
            Record(response.ModelId ?? options?.ModelId, response.Usage, started, failed: false);
            return response;
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            Record(options?.ModelId, null, started, failed: true);
            throw;
        }
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        var usage = new UsageDetails();
        string? model = null;
        await foreach (var update in base.GetStreamingResponseAsync(messages, options, cancellationToken))
        {
            model ??= update.ModelId;
            foreach (var content in update.Contents.OfType<UsageContent>()) usage.Add(content.Details);
            yield return update;
        }
        Record(model ?? options?.ModelId, usage, started, failed: false);
    }

    private void Record(string? model, UsageDetails? usage, long started, bool failed)
    {
        var metadata = this.GetService<ChatClientMetadata>();
        ledger.Record(metadata?.ProviderName ?? "unknown", model ?? metadata?.DefaultModelId ?? "unknown", AiCallKinds.Chat,
            usage?.InputTokenCount ?? 0, usage?.OutputTokenCount ?? 0, Stopwatch.GetElapsedTime(started), failed);
    }
}
