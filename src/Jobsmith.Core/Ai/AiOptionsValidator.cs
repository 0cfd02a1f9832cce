using Microsoft.Extensions.Options;

namespace Jobsmith.Core.Ai;

internal sealed class AiOptionsValidator : IValidateOptions<AiOptions>
{
    public ValidateOptionsResult Validate(string? name, AiOptions options)
    {
        if (options.Provider == AiProvider.None)
            return ValidateOptionsResult.Success;

        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Model))
            failures.Add($"Ai:Model is required when Ai:Provider is {options.Provider}.");
        // OpenAI-compatible local servers (Ollama, llama.cpp) need no key, but api.openai.com and Anthropic do.
        if (string.IsNullOrWhiteSpace(options.ApiKey) && (options.Provider == AiProvider.Anthropic || options.Endpoint is null))
            failures.Add($"Ai:ApiKey is required for {options.Provider} unless Ai:Endpoint points at a local OpenAI-compatible server.");
        if (options.Endpoint is { } endpoint && (!endpoint.IsAbsoluteUri || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps)))
            failures.Add("Ai:Endpoint must be an absolute http(s) URL.");
        if (options.Timeout <= TimeSpan.Zero)
            failures.Add("Ai:Timeout must be positive.");
        if (options.MaxOutputTokens <= 0)
            failures.Add("Ai:MaxOutputTokens must be positive.");
        if (options.MaxRetries < 0)
            failures.Add("Ai:MaxRetries must not be negative.");
        if (!string.IsNullOrWhiteSpace(options.EmbeddingModel) && options.Provider != AiProvider.OpenAi)
            failures.Add("Ai:EmbeddingModel needs Ai:Provider openai: Anthropic offers no embeddings API.");

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
