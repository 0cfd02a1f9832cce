using System.ClientModel;
using System.ClientModel.Primitives;
using System.Text.Json;
using OpenAI;

namespace Jobsmith.Core.Ai;

/// <summary>Builds the OpenAI SDK client from our options and turns SDK failures into <see cref="AiProviderException"/>.</summary>
internal static class OpenAiConnection
{
    public const string ProviderName = "openai";

    // The SDK refuses an empty credential; keyless local servers (Ollama, llama.cpp) ignore the header.
    private const string KeylessPlaceholder = "no-key";

    public static OpenAIClient CreateClient(AiOptions options)
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

    public static Uri BaseUri(AiOptions options) => options.Endpoint ?? new Uri("https://api.openai.com/v1");

    public static AiProviderException Map(ClientResultException exception, string? apiKey)
    {
        if (exception.Status == 0)
            return new AiProviderException(ProviderName, AiFailureKind.Unavailable, null,
                AiProviderException.Redact($"{ProviderName} could not be reached: {exception.Message}", apiKey), exception);
        var (type, message) = ReadError(exception.GetRawResponse()?.Content);
        return new AiProviderException(ProviderName, AiProviderException.KindOf(exception.Status), exception.Status,
            AiProviderException.Describe(ProviderName, exception.Status, type, message, apiKey), exception);
    }

    public static AiProviderException Unreadable(Exception exception, string? apiKey) =>
        new(ProviderName, AiFailureKind.InvalidResponse, null,
            AiProviderException.Redact($"{ProviderName} returned a response that is not valid chat JSON: {exception.Message}", apiKey), exception);

    public static AiProviderException TimedOut(AiOptions options, Exception exception) =>
        new(ProviderName, AiFailureKind.Unavailable, null, $"{ProviderName} did not answer within {options.Timeout}.", exception);

    // OpenAI's error body: {"error":{"message":"...","type":"...","param":null,"code":"..."}}.
    private static (string? Type, string? Message) ReadError(BinaryData? body)
    {
        if (body is null || body.ToMemory().IsEmpty) return (null, null);
        try
        {
            using var document = JsonDocument.Parse(body);
            if (!document.RootElement.TryGetProperty("error", out var error) || error.ValueKind != JsonValueKind.Object)
                return (null, null);
            var code = error.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
            var type = error.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            var message = error.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
            return (code ?? type, message);
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }
}
