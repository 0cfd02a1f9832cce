namespace Jobsmith.Core.Ai;

public enum AiFailureKind
{
    Unauthorized,
    RateLimited,
    BadRequest,
    ProviderError,
    Unavailable,
    InvalidResponse,
}

/// <summary>
/// The one exception the adapters throw for provider failures, whatever the SDK underneath, so callers
/// (Quartz jobs) can decide to retry on <see cref="IsTransient"/> and show the message to the user.
/// Messages never contain the API key.
/// </summary>
public sealed class AiProviderException : Exception
{
    public AiProviderException(string provider, AiFailureKind kind, int? statusCode, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Provider = provider;
        Kind = kind;
        StatusCode = statusCode;
    }

    public string Provider { get; }

    public AiFailureKind Kind { get; }

    public int? StatusCode { get; }

    public bool IsTransient => Kind is AiFailureKind.RateLimited or AiFailureKind.ProviderError or AiFailureKind.Unavailable;

    internal static AiFailureKind KindOf(int status) => status switch
    {
        401 or 403 => AiFailureKind.Unauthorized,
        429 => AiFailureKind.RateLimited,
        408 => AiFailureKind.Unavailable,
        >= 500 => AiFailureKind.ProviderError,
        _ => AiFailureKind.BadRequest,
    };

    /// <summary>Builds the user-facing message; error bodies may echo the key (some proxies do), so it is masked.</summary>
    internal static string Describe(string provider, int status, string? errorType, string? providerMessage, string? apiKey)
    {
        var text = $"{provider} request failed with HTTP {status}";
        if (!string.IsNullOrWhiteSpace(errorType)) text += $" ({errorType})";
        if (!string.IsNullOrWhiteSpace(providerMessage)) text += $": {providerMessage}";
        return Redact(text, apiKey);
    }

    internal static string Redact(string text, string? apiKey) =>
        string.IsNullOrEmpty(apiKey) ? text : text.Replace(apiKey, "***", StringComparison.Ordinal);
}
