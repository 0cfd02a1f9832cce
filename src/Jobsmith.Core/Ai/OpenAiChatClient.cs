using System.ClientModel;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using OpenAI;
using OpenAI.Chat;
using MeaiChatMessage = Microsoft.Extensions.AI.ChatMessage;
using MeaiChatResponseFormatJson = Microsoft.Extensions.AI.ChatResponseFormatJson;
using OpenAiChatMessage = OpenAI.Chat.ChatMessage;

namespace Jobsmith.Core.Ai;

/// <summary>IChatClient over the OpenAI SDK's chat completions; works with any OpenAI-compatible endpoint.</summary>
public sealed class OpenAiChatClient : IChatClient
{
    private readonly AiOptions _options;
    private readonly OpenAIClient _client;
    private readonly ChatClientMetadata _metadata;

    public OpenAiChatClient(AiOptions options)
    {
        _options = options;
        _client = OpenAiConnection.CreateClient(options);
        _metadata = new ChatClientMetadata(OpenAiConnection.ProviderName, OpenAiConnection.BaseUri(options), options.Model);
    }

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<MeaiChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var model = options?.ModelId ?? _options.Model ?? throw new InvalidOperationException("No model configured (Ai:Model).");
        var request = messages.Select(ToOpenAi).ToList();
        ChatCompletion completion;
        try
        {
            completion = (await _client.GetChatClient(model).CompleteChatAsync(request, ToOpenAi(options), cancellationToken)).Value;
        }
        catch (ClientResultException e)
        {
            throw OpenAiConnection.Map(e, _options.ApiKey);
        }
        catch (System.Text.Json.JsonException e)
        {
            throw OpenAiConnection.Unreadable(e, _options.ApiKey);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw OpenAiConnection.TimedOut(_options, e);
        }
        return ToResponse(completion);
    }

    // Streaming is not needed by any feature yet; this yields the complete answer as one update so callers
    // written against the streaming API still work.
    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<MeaiChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var response = await GetResponseAsync(messages, options, cancellationToken);
        foreach (var update in response.ToChatResponseUpdates())
            yield return update;
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is not null ? null
        : serviceType == typeof(ChatClientMetadata) ? _metadata
        : serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose()
    {
        // The SDK client owns a shared pipeline with no disposable state of ours.
    }

    private static OpenAiChatMessage ToOpenAi(MeaiChatMessage message)
    {
        if (message.Contents.Any(c => c is not TextContent))
            throw new NotSupportedException("The OpenAI adapter sends text messages only.");
        var text = message.Text;
        if (message.Role == ChatRole.System) return new SystemChatMessage(text);
        if (message.Role == ChatRole.User) return new UserChatMessage(text);
        if (message.Role == ChatRole.Assistant) return new AssistantChatMessage(text);
        throw new NotSupportedException($"The OpenAI adapter does not send '{message.Role}' messages.");
    }

    private ChatCompletionOptions ToOpenAi(ChatOptions? options)
    {
        var result = new ChatCompletionOptions
        {
            MaxOutputTokenCount = options?.MaxOutputTokens ?? _options.MaxOutputTokens,
            Temperature = options?.Temperature,
            TopP = options?.TopP,
        };
        foreach (var stop in options?.StopSequences ?? [])
            result.StopSequences.Add(stop);
        result.ResponseFormat = options?.ResponseFormat switch
        {
            MeaiChatResponseFormatJson { Schema: { } schema } json => OpenAI.Chat.ChatResponseFormat.CreateJsonSchemaFormat(
                json.SchemaName ?? "response", BinaryData.FromString(schema.GetRawText()), json.SchemaDescription, jsonSchemaIsStrict: false),
            MeaiChatResponseFormatJson => OpenAI.Chat.ChatResponseFormat.CreateJsonObjectFormat(),
            _ => null,
        };
        return result;
    }

    private static ChatResponse ToResponse(ChatCompletion completion)
    {
        var text = string.Concat(completion.Content.Where(p => p.Kind == ChatMessageContentPartKind.Text).Select(p => p.Text));
        if (text.Length == 0 && completion.Refusal is { } refusal)
            text = refusal;
        return new ChatResponse(new MeaiChatMessage(ChatRole.Assistant, text))
        {
            ResponseId = completion.Id,
            ModelId = completion.Model,
            CreatedAt = completion.CreatedAt,
            FinishReason = completion.FinishReason switch
            {
                OpenAI.Chat.ChatFinishReason.Length => Microsoft.Extensions.AI.ChatFinishReason.Length,
                OpenAI.Chat.ChatFinishReason.ContentFilter => Microsoft.Extensions.AI.ChatFinishReason.ContentFilter,
                OpenAI.Chat.ChatFinishReason.ToolCalls or OpenAI.Chat.ChatFinishReason.FunctionCall => Microsoft.Extensions.AI.ChatFinishReason.ToolCalls,
                _ => Microsoft.Extensions.AI.ChatFinishReason.Stop,
            },
            Usage = completion.Usage is { } usage
                ? new UsageDetails
                {
                    InputTokenCount = usage.InputTokenCount,
                    OutputTokenCount = usage.OutputTokenCount,
                    TotalTokenCount = usage.TotalTokenCount,
                    CachedInputTokenCount = usage.InputTokenDetails?.CachedTokenCount,
                    ReasoningTokenCount = usage.OutputTokenDetails?.ReasoningTokenCount,
                }
                : null,
        };
    }
}
