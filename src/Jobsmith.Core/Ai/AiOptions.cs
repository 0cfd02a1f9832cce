namespace Jobsmith.Core.Ai;

public enum AiProvider
{
    None,
    Anthropic,
    OpenAi,
}

/// <summary>
/// Configuration section "Ai". A class rather than a record so that nothing ever prints the API key
/// through a generated ToString.
/// </summary>
public sealed class AiOptions
{
    public const string SectionName = "Ai";

    public AiProvider Provider { get; set; } = AiProvider.None;

    public string? Model { get; set; }

    /// <summary>
    /// Base URL override. OpenAI-compatible servers include the version segment
    /// (http://localhost:11434/v1 for Ollama); for Anthropic it is the host the SDK appends /v1/messages to.
    /// </summary>
    public Uri? Endpoint { get; set; }

    public string? ApiKey { get; set; }

    /// <summary>OpenAI-compatible embedding model; when empty no embedding generator is registered.</summary>
    public string? EmbeddingModel { get; set; }

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(120);

    public int MaxOutputTokens { get; set; } = 4096;

    /// <summary>Retries the SDKs make on 429/5xx before we see an error; tests set 0.</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>
    /// Price per million tokens by model id, for the admin's cost estimate (I1). A dated id ("gpt-4o-mini-2024-07-18")
    /// takes the price of the longest key it starts with. Prices change, so they are settings, not constants.
    /// </summary>
    public Dictionary<string, AiPrice> Prices { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}

/// <summary>US dollars per million input and output tokens.</summary>
public sealed class AiPrice
{
    public decimal InputPerMillion { get; set; }
    public decimal OutputPerMillion { get; set; }
}
