using System.ClientModel;
using System.Text.Json;

namespace Jobsmith.Core.Ai;

/// <summary>Turns what the OpenAI SDK throws into <see cref="AiProviderException"/>, with the API key masked.</summary>
internal static class OpenAiFailures
{
    private const string Provider = OpenAiClients.ProviderName;

    /// <summary>Runs one provider call; failures other than the caller's own cancellation become provider exceptions.</summary>
    public static async Task<T> GuardAsync<T>(Func<Task<T>> call, AiOptions options, CancellationToken cancellationToken)
    {
        try
        {
            return await call();
        }
        catch (Exception e) when (Translate(e, options, cancellationToken) is { } translated)
        {
            throw translated;
        }
    }

    /// <summary>The provider exception for <paramref name="exception"/>, or null when it is not a provider failure.</summary>
    public static AiProviderException? Translate(Exception exception, AiOptions options, CancellationToken cancellationToken) => exception switch
    {
        ClientResultException e => Map(e, options.ApiKey),
        JsonException e => new AiProviderException(Provider, AiFailureKind.InvalidResponse, null,
            AiProviderException.Redact($"{Provider} returned a response that is not valid JSON: {e.Message}", options.ApiKey), e),
        // The SDK's network timeout surfaces as a cancellation the caller did not ask for.
        OperationCanceledException e when !cancellationToken.IsCancellationRequested =>
            new AiProviderException(Provider, AiFailureKind.Unavailable, null, $"{Provider} did not answer within {options.Timeout}.", e),
        _ => null,
    };

    private static AiProviderException Map(ClientResultException exception, string? apiKey)
    {
        if (exception.Status == 0)
            return new AiProviderException(Provider, AiFailureKind.Unavailable, null,
                AiProviderException.Redact($"{Provider} could not be reached: {exception.Message}", apiKey), exception);
        var (type, message) = ReadError(exception.GetRawResponse()?.Content);
        return new AiProviderException(Provider, AiProviderException.KindOf(exception.Status), exception.Status,
            AiProviderException.Describe(Provider, exception.Status, type, message, apiKey), exception);
    }

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
