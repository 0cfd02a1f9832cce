using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace Jobsmith.Core.Ai;

/// <summary>Chat middleware: the library's OpenAI client underneath, <see cref="AiProviderException"/> on top.</summary>
internal sealed class OpenAiChatFailures(IChatClient inner, AiOptions options) : DelegatingChatClient(inner)
{
    public override Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? chatOptions = null, CancellationToken cancellationToken = default) =>
        OpenAiFailures.GuardAsync(() => base.GetResponseAsync(messages, chatOptions, cancellationToken), options, cancellationToken);

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? chatOptions = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var updates = base.GetStreamingResponseAsync(messages, chatOptions, cancellationToken).GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            // A yield cannot sit inside a try with a catch, so only the step that talks to the server is guarded.
            var more = await OpenAiFailures.GuardAsync(async () => await updates.MoveNextAsync(), options, cancellationToken);
            if (!more) yield break;
            yield return updates.Current;
        }
    }
}
