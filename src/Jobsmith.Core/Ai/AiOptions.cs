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
}
