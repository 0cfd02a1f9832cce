using Jobsmith.Core.Ai;
using Microsoft.Extensions.AI;

namespace Jobsmith.Tests.Ai;

public sealed class OpenAiChatClientTests
{
    private const string Key = "sk-test-0123456789abcdef";

    // A chat.completion object as api.openai.com returns it.
    internal const string Completion = """
        {"id":"chatcmpl-AbC123","object":"chat.completion","created":1732233600,"model":"gpt-4o-mini-2024-07-18",
         "choices":[{"index":0,"message":{"role":"assistant","content":"Hello, Jane.","refusal":null,"annotations":[]},
                     "logprobs":null,"finish_reason":"stop"}],
         "usage":{"prompt_tokens":19,"completion_tokens":4,"total_tokens":23,
                  "prompt_tokens_details":{"cached_tokens":3,"audio_tokens":0},
                  "completion_tokens_details":{"reasoning_tokens":0,"audio_tokens":0}},
         "service_tier":"default","system_fingerprint":"fp_0ba0d124f1"}
        """;

    internal static AiOptions Options(Uri endpoint, string? key = Key) => new()
    {
        Provider = AiProvider.OpenAi,
        Model = "gpt-4o-mini",
        Endpoint = endpoint,
        ApiKey = key,
        MaxOutputTokens = 321,
        MaxRetries = 0,
        Timeout = TimeSpan.FromSeconds(10),
    };

    private static readonly ChatMessage[] Conversation =
    [
        new(ChatRole.System, "You are terse."),
        new(ChatRole.User, "Greet Jane."),
    ];

    [Fact]
    public async Task Sends_chat_completions_request_with_bearer_key_model_messages_and_max_tokens()
    {
        await using var server = await WireServer.StartAsync(200, Completion);
        using var client = OpenAiClients.CreateChat(Options(server.Url("/v1")));

        await client.GetResponseAsync(Conversation);

        var request = Assert.Single(server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/v1/chat/completions", request.Path);
        Assert.Equal($"Bearer {Key}", request.Headers["authorization"]);
        Assert.Equal("gpt-4o-mini", (string?)request.Body!["model"]);
        Assert.Equal(321, (int?)request.Body["max_completion_tokens"]);
        var messages = request.Body["messages"]!.AsArray();
        Assert.Equal(["system", "user"], messages.Select(m => (string?)m!["role"]));
        Assert.Equal("Greet Jane.", (string?)messages[1]!["content"]);
    }

    [Fact]
    public async Task Maps_text_usage_model_and_finish_reason()
    {
        await using var server = await WireServer.StartAsync(200, Completion);
        using var client = OpenAiClients.CreateChat(Options(server.Url("/v1")));

        var response = await client.GetResponseAsync(Conversation);

        Assert.Equal("Hello, Jane.", response.Text);
        Assert.Equal("gpt-4o-mini-2024-07-18", response.ModelId);
        Assert.Equal("chatcmpl-AbC123", response.ResponseId);
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
        Assert.Equal(19, response.Usage!.InputTokenCount);
        Assert.Equal(4, response.Usage.OutputTokenCount);
        Assert.Equal(23, response.Usage.TotalTokenCount);
        Assert.Equal(3, response.Usage.CachedInputTokenCount);
        Assert.Equal(new AiUsage("openai", "gpt-4o-mini-2024-07-18", 19, 4), AiUsage.From(response, client));
    }

    [Fact]
    public async Task Per_call_options_override_model_and_request_json_schema()
    {
        await using var server = await WireServer.StartAsync(200, Completion);
        using var client = OpenAiClients.CreateChat(Options(server.Url("/v1")));
        var schema = System.Text.Json.JsonDocument.Parse("""{"type":"object","properties":{"name":{"type":"string"}}}""").RootElement;

        await client.GetResponseAsync(Conversation, new ChatOptions
        {
            ModelId = "llama3.1:8b",
            MaxOutputTokens = 50,
            ResponseFormat = ChatResponseFormat.ForJsonSchema(schema, "Person"),
        });

        var body = Assert.Single(server.Requests).Body!;
        Assert.Equal("llama3.1:8b", (string?)body["model"]);
        Assert.Equal(50, (int?)body["max_completion_tokens"]);
        Assert.Equal("json_schema", (string?)body["response_format"]!["type"]);
        Assert.Equal("Person", (string?)body["response_format"]!["json_schema"]!["name"]);
        Assert.Equal("object", (string?)body["response_format"]!["json_schema"]!["schema"]!["type"]);
    }

    [Fact]
    public async Task Keyless_local_endpoint_still_works()
    {
        await using var server = await WireServer.StartAsync(200, Completion);
        using var client = OpenAiClients.CreateChat(Options(server.Url("/v1"), key: null));

        var response = await client.GetResponseAsync(Conversation);

        Assert.Equal("Hello, Jane.", response.Text);
    }

    [Theory]
    [InlineData(401, """{"error":{"message":"Incorrect API key provided: sk-test-0123456789abcdef.","type":"invalid_request_error","param":null,"code":"invalid_api_key"}}""", AiFailureKind.Unauthorized, "invalid_api_key")]
    [InlineData(429, """{"error":{"message":"Rate limit reached for gpt-4o-mini on requests per min (RPM): Limit 3, Used 3.","type":"requests","param":null,"code":"rate_limit_exceeded"}}""", AiFailureKind.RateLimited, "Rate limit reached")]
    [InlineData(500, """{"error":{"message":"The server had an error while processing your request. Sorry about that!","type":"server_error","param":null,"code":null}}""", AiFailureKind.ProviderError, "server_error")]
    [InlineData(400, """{"error":{"message":"Invalid value for 'max_completion_tokens'.","type":"invalid_request_error","param":"max_completion_tokens","code":"invalid_value"}}""", AiFailureKind.BadRequest, "max_completion_tokens")]
    public async Task Error_responses_map_to_provider_exceptions_without_the_key(int status, string body, AiFailureKind kind, string expected)
    {
        await using var server = await WireServer.StartAsync(status, body);
        using var client = OpenAiClients.CreateChat(Options(server.Url("/v1")));

        var error = await Assert.ThrowsAsync<AiProviderException>(() => client.GetResponseAsync(Conversation));

        Assert.Equal(kind, error.Kind);
        Assert.Equal(status, error.StatusCode);
        Assert.Equal("openai", error.Provider);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains($"HTTP {status}", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_proxy_error_page_without_json_still_maps_by_status()
    {
        await using var server = await WireServer.StartAsync(502, "<html><body>502 Bad Gateway</body></html>");
        using var client = OpenAiClients.CreateChat(Options(server.Url("/v1")));

        var error = await Assert.ThrowsAsync<AiProviderException>(() => client.GetResponseAsync(Conversation));

        Assert.Equal(AiFailureKind.ProviderError, error.Kind);
        Assert.Equal(502, error.StatusCode);
        Assert.True(error.IsTransient);
    }

    [Fact]
    public async Task Malformed_json_is_an_invalid_response()
    {
        await using var server = await WireServer.StartAsync(200, """{"id":"chatcmpl-1","object":"chat.completion","choices":[{"index":0,"mess""");
        using var client = OpenAiClients.CreateChat(Options(server.Url("/v1")));

        var error = await Assert.ThrowsAsync<AiProviderException>(() => client.GetResponseAsync(Conversation));

        Assert.Equal(AiFailureKind.InvalidResponse, error.Kind);
        Assert.False(error.IsTransient);
    }

    [Fact]
    public async Task Slow_server_times_out_as_unavailable()
    {
        await using var server = await WireServer.StartAsync(_ => new WireServer.Reply(200, Completion, TimeSpan.FromSeconds(5)));
        var options = Options(server.Url("/v1"));
        options.Timeout = TimeSpan.FromMilliseconds(300);
        using var client = OpenAiClients.CreateChat(options);

        var error = await Assert.ThrowsAsync<AiProviderException>(() => client.GetResponseAsync(Conversation));

        Assert.Equal(AiFailureKind.Unavailable, error.Kind);
        Assert.True(error.IsTransient);
    }
}
