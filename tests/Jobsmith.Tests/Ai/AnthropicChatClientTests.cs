using Jobsmith.Core.Ai;
using Microsoft.Extensions.AI;

namespace Jobsmith.Tests.Ai;

public sealed class AnthropicChatClientTests
{
    private const string Key = "sk-ant-api03-test-key-0123456789";

    // A Message object as api.anthropic.com returns it from POST /v1/messages.
    private const string Reply = """
        {"id":"msg_01XFDUDYJgAACzvnptvVoYEL","type":"message","role":"assistant","model":"claude-sonnet-4-5-20250929",
         "content":[{"type":"text","text":"Hello, "},{"type":"text","text":"Jane."}],
         "stop_reason":"end_turn","stop_sequence":null,
         "usage":{"input_tokens":25,"cache_creation_input_tokens":0,"cache_read_input_tokens":10,"output_tokens":6,"service_tier":"standard"}}
        """;

    private static AiOptions Options(Uri endpoint) => new()
    {
        Provider = AiProvider.Anthropic,
        Model = "claude-sonnet-4-5",
        Endpoint = endpoint,
        ApiKey = Key,
        MaxOutputTokens = 777,
        MaxRetries = 0,
        Timeout = TimeSpan.FromSeconds(10),
    };

    private static readonly ChatMessage[] Conversation =
    [
        new(ChatRole.System, "You are terse."),
        new(ChatRole.User, "Greet Jane."),
        new(ChatRole.Assistant, "Hello"),
        new(ChatRole.User, "Again, with her name."),
    ];

    [Fact]
    public async Task Sends_messages_request_with_key_version_model_system_and_max_tokens()
    {
        await using var server = await WireServer.StartAsync(200, Reply);
        using var client = new AnthropicChatClient(Options(server.BaseUri));

        await client.GetResponseAsync(Conversation, new ChatOptions { StopSequences = ["END"] });

        var request = Assert.Single(server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/v1/messages", request.Path);
        // Anthropic SDK 13.x sends the API key as a bearer token (older SDKs used x-api-key) and pins
        // the API version it was generated against.
        Assert.Equal($"Bearer {Key}", request.Headers["authorization"]);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", request.Headers["anthropic-version"]);
        var body = request.Body!;
        Assert.Equal("claude-sonnet-4-5", (string?)body["model"]);
        Assert.Equal(777, (int?)body["max_tokens"]);
        Assert.Equal("You are terse.", (string?)body["system"]);
        Assert.Equal("END", (string?)body["stop_sequences"]![0]);
        var messages = body["messages"]!.AsArray();
        Assert.Equal(["user", "assistant", "user"], messages.Select(m => (string?)m!["role"]));
        Assert.Equal("Again, with her name.", (string?)messages[2]!["content"]);
    }

    [Fact]
    public async Task Maps_text_blocks_usage_and_stop_reason()
    {
        await using var server = await WireServer.StartAsync(200, Reply);
        using var client = new AnthropicChatClient(Options(server.BaseUri));

        var response = await client.GetResponseAsync(Conversation);

        Assert.Equal("Hello, Jane.", response.Text);
        Assert.Equal("claude-sonnet-4-5-20250929", response.ModelId);
        Assert.Equal("msg_01XFDUDYJgAACzvnptvVoYEL", response.ResponseId);
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
        Assert.Equal(35, response.Usage!.InputTokenCount);
        Assert.Equal(10, response.Usage.CachedInputTokenCount);
        Assert.Equal(6, response.Usage.OutputTokenCount);
        Assert.Equal(new AiUsage("anthropic", "claude-sonnet-4-5-20250929", 35, 6), AiUsage.From(response, client));
    }

    [Fact]
    public async Task Max_tokens_stop_reason_maps_to_length()
    {
        await using var server = await WireServer.StartAsync(200, Reply.Replace("end_turn", "max_tokens", StringComparison.Ordinal));
        using var client = new AnthropicChatClient(Options(server.BaseUri));

        var response = await client.GetResponseAsync(Conversation);

        Assert.Equal(ChatFinishReason.Length, response.FinishReason);
    }

    [Theory]
    [InlineData(401, "authentication_error", "invalid x-api-key", AiFailureKind.Unauthorized)]
    [InlineData(429, "rate_limit_error", "Number of request tokens has exceeded your per-minute rate limit", AiFailureKind.RateLimited)]
    [InlineData(500, "api_error", "Internal server error", AiFailureKind.ProviderError)]
    [InlineData(529, "overloaded_error", "Overloaded", AiFailureKind.ProviderError)]
    [InlineData(400, "invalid_request_error", "max_tokens: Field required", AiFailureKind.BadRequest)]
    public async Task Error_responses_map_to_provider_exceptions(int status, string type, string message, AiFailureKind kind)
    {
        var body = $$"""{"type":"error","error":{"type":"{{type}}","message":"{{message}}"},"request_id":"req_011CSHoEeqs5C35K2UUqR7Fy"}""";
        await using var server = await WireServer.StartAsync(status, body);
        using var client = new AnthropicChatClient(Options(server.BaseUri));

        var error = await Assert.ThrowsAsync<AiProviderException>(() => client.GetResponseAsync(Conversation));

        Assert.Equal(kind, error.Kind);
        Assert.Equal(status, error.StatusCode);
        Assert.Equal("anthropic", error.Provider);
        Assert.Contains(type, error.Message, StringComparison.Ordinal);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_proxy_error_page_without_json_still_maps_by_status()
    {
        await using var server = await WireServer.StartAsync(502, "<html><body>502 Bad Gateway</body></html>");
        using var client = new AnthropicChatClient(Options(server.BaseUri));

        var error = await Assert.ThrowsAsync<AiProviderException>(() => client.GetResponseAsync(Conversation));

        Assert.Equal(AiFailureKind.ProviderError, error.Kind);
        Assert.Equal(502, error.StatusCode);
        Assert.True(error.IsTransient);
    }

    [Fact]
    public async Task Malformed_json_is_an_invalid_response()
    {
        await using var server = await WireServer.StartAsync(200, """{"id":"msg_01","type":"message","content":[{"type":"te""");
        using var client = new AnthropicChatClient(Options(server.BaseUri));

        var error = await Assert.ThrowsAsync<AiProviderException>(() => client.GetResponseAsync(Conversation));

        Assert.Equal(AiFailureKind.InvalidResponse, error.Kind);
    }

    [Fact]
    public async Task Slow_server_times_out_as_unavailable()
    {
        await using var server = await WireServer.StartAsync(_ => new WireServer.Reply(200, Reply, TimeSpan.FromSeconds(5)));
        var options = Options(server.BaseUri);
        options.Timeout = TimeSpan.FromMilliseconds(300);
        using var client = new AnthropicChatClient(options);

        var error = await Assert.ThrowsAsync<AiProviderException>(() => client.GetResponseAsync(Conversation));

        Assert.Equal(AiFailureKind.Unavailable, error.Kind);
    }
}
