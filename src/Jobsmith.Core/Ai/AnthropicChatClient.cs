using System.Runtime.CompilerServices;
using Anthropic;
using Anthropic.Core;
using Anthropic.Exceptions;
using Anthropic.Models.Messages;
using Microsoft.Extensions.AI;
using MeaiChatMessage = Microsoft.Extensions.AI.ChatMessage;

namespace Jobsmith.Core.Ai;

/// <summary>IChatClient over the official Anthropic SDK's messages API.</summary>
public sealed class AnthropicChatClient : IChatClient
{
    public const string ProviderName = "anthropic";

    private readonly AiOptions _options;
    private readonly AnthropicClient _client;
    private readonly ChatClientMetadata _metadata;

    public AnthropicChatClient(AiOptions options)
    {
        _options = options;
        var clientOptions = new ClientOptions
        {
            ApiKey = options.ApiKey,
            Timeout = options.Timeout,
            MaxRetries = options.MaxRetries,
        };
        if (options.Endpoint is not null)
            clientOptions.BaseUrl = options.Endpoint.ToString().TrimEnd('/');
        _client = new AnthropicClient(clientOptions);
        _metadata = new ChatClientMetadata(ProviderName, new Uri(_client.BaseUrl), options.Model);
    }

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<MeaiChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var request = BuildRequest(messages.ToList(), options);
        Message reply;
        try
        {
            reply = await _client.Messages.Create(request, cancellationToken);
        }
        catch (AnthropicApiException e)
        {
            var status = (int)e.StatusCode;
            throw new AiProviderException(ProviderName, AiProviderException.KindOf(status), status,
                AiProviderException.Describe(ProviderName, status, ErrorTypeOf(e), e.ApiMessage, _options.ApiKey), e);
        }
        catch (AnthropicIOException e)
        {
            throw new AiProviderException(ProviderName, AiFailureKind.Unavailable, null,
                AiProviderException.Redact($"{ProviderName} could not be reached: {e.Message}", _options.ApiKey), e);
        }
        catch (Exception e) when (e is AnthropicInvalidDataException or System.Text.Json.JsonException)
        {
            throw new AiProviderException(ProviderName, AiFailureKind.InvalidResponse, null,
                AiProviderException.Redact($"{ProviderName} returned a response that is not valid message JSON: {e.Message}", _options.ApiKey), e);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new AiProviderException(ProviderName, AiFailureKind.Unavailable, null, $"{ProviderName} did not answer within {_options.Timeout}.", e);
        }
        return ToResponse(reply);
    }

    // Streaming is not needed by any feature yet; the complete answer is yielded as one update.
    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<MeaiChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var response = await GetResponseAsync(messages, options, cancellationToken);
        foreach (var update in response.ToChatResponseUpdates())
            yield return update;
    }

    public object? GetService(System.Type serviceType, object? serviceKey = null) =>
        serviceKey is not null ? null
        : serviceType == typeof(ChatClientMetadata) ? _metadata
        : serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose() => _client.Dispose();

    private MessageCreateParams BuildRequest(List<MeaiChatMessage> messages, ChatOptions? options)
    {
        if (messages.SelectMany(m => m.Contents).Any(c => c is not TextContent))
            throw new NotSupportedException("The Anthropic adapter sends text messages only.");
        // Anthropic takes system instructions as a top-level field, not as a message.
        var system = string.Join("\n\n", messages.Where(m => m.Role == ChatRole.System).Select(m => m.Text));
        var turns = messages.Where(m => m.Role != ChatRole.System).Select(ToTurn).ToList();
        var request = new MessageCreateParams
        {
            Model = options?.ModelId ?? _options.Model ?? throw new InvalidOperationException("No model configured (Ai:Model)."),
            MaxTokens = options?.MaxOutputTokens ?? _options.MaxOutputTokens,
            Messages = turns,
        };
        if (system.Length > 0)
            request = request with { System = system };
        if (options?.StopSequences is { Count: > 0 } stops)
            request = request with { StopSequences = [.. stops] };
        return request;
    }

    private static MessageParam ToTurn(MeaiChatMessage message)
    {
        if (message.Role == ChatRole.User) return new UserMessageParam(message.Text);
        if (message.Role == ChatRole.Assistant) return new AssistantMessageParam(message.Text);
        throw new NotSupportedException($"The Anthropic adapter does not send '{message.Role}' messages.");
    }

    private static ChatResponse ToResponse(Message reply)
    {
        var text = string.Concat(reply.Content.Select(b => b.TryPickText(out var t) ? t.Text : ""));
        var usage = reply.Usage;
        // Anthropic reports cached prompt tokens separately; the neutral input count is all prompt tokens.
        var cached = usage.CacheReadInputTokens ?? 0;
        var input = usage.InputTokens + (usage.CacheCreationInputTokens ?? 0) + cached;
        return new ChatResponse(new MeaiChatMessage(ChatRole.Assistant, text))
        {
            ResponseId = reply.ID,
            ModelId = reply.Model.Raw(),
            FinishReason = reply.StopReason?.Raw() switch
            {
                "max_tokens" => ChatFinishReason.Length,
                "tool_use" => ChatFinishReason.ToolCalls,
                "refusal" => ChatFinishReason.ContentFilter,
                _ => ChatFinishReason.Stop,
            },
            Usage = new UsageDetails
            {
                InputTokenCount = input,
                OutputTokenCount = usage.OutputTokens,
                TotalTokenCount = input + usage.OutputTokens,
                CachedInputTokenCount = usage.CacheReadInputTokens,
            },
        };
    }

    private static string? ErrorTypeOf(AnthropicApiException e)
    {
        try
        {
            return e.Type?.Raw();
        }
        catch (AnthropicInvalidDataException)
        {
            // Error bodies from proxies may lack the type; the status code still says what happened.
            return null;
        }
    }
}
