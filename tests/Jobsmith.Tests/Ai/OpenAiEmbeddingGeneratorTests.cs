using System.Text.Json.Nodes;
using Jobsmith.Core.Ai;

namespace Jobsmith.Tests.Ai;

public sealed class OpenAiEmbeddingGeneratorTests
{
    private static readonly float[][] Vectors = [[0.25f, -0.5f, 1f], [0.125f, 0f, -1f]];

    // Answers like POST /v1/embeddings does: floats as a JSON array, or base64 of little-endian float32
    // when the request asks for encoding_format "base64". Items come back in reverse order to check Index.
    internal static WireServer.Reply Embeddings(WireServer.Request request)
    {
        var base64 = (string?)request.Body!["encoding_format"] == "base64";
        var data = new JsonArray();
        for (var i = Vectors.Length - 1; i >= 0; i--)
        {
            JsonNode vector = base64
                ? JsonValue.Create(Convert.ToBase64String(Vectors[i].SelectMany(BitConverter.GetBytes).ToArray()))
                : new JsonArray(Vectors[i].Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());
            data.Add(new JsonObject { ["object"] = "embedding", ["index"] = i, ["embedding"] = vector });
        }
        var body = new JsonObject
        {
            ["object"] = "list",
            ["data"] = data,
            ["model"] = "text-embedding-3-small",
            ["usage"] = new JsonObject { ["prompt_tokens"] = 7, ["total_tokens"] = 7 },
        };
        return new WireServer.Reply(200, body.ToJsonString());
    }

    private static AiOptions Options(Uri endpoint)
    {
        var options = OpenAiChatClientTests.Options(endpoint);
        options.EmbeddingModel = "text-embedding-3-small";
        return options;
    }

    [Fact]
    public async Task Sends_embeddings_request_and_returns_vectors_in_input_order_with_usage()
    {
        await using var server = await WireServer.StartAsync(Embeddings);
        using var generator = OpenAiClients.CreateEmbeddings(Options(server.Url("/v1")));

        var result = await generator.GenerateAsync(["senior C# engineer", "pastry chef"]);

        var request = Assert.Single(server.Requests);
        Assert.Equal("/v1/embeddings", request.Path);
        Assert.Equal("Bearer sk-test-0123456789abcdef", request.Headers["authorization"]);
        Assert.Equal("text-embedding-3-small", (string?)request.Body!["model"]);
        Assert.Equal(["senior C# engineer", "pastry chef"], request.Body["input"]!.AsArray().Select(v => (string?)v));
        Assert.Equal(2, result.Count);
        Assert.Equal(Vectors[0], result[0].Vector.ToArray());
        Assert.Equal(Vectors[1], result[1].Vector.ToArray());
        Assert.Equal("text-embedding-3-small", result[0].ModelId);
        Assert.Equal(7, result.Usage!.InputTokenCount);
    }

    [Fact]
    public async Task Unauthorized_maps_to_provider_exception()
    {
        await using var server = await WireServer.StartAsync(401,
            """{"error":{"message":"Incorrect API key provided: sk-test-****cdef.","type":"invalid_request_error","param":null,"code":"invalid_api_key"}}""");
        using var generator = OpenAiClients.CreateEmbeddings(Options(server.Url("/v1")));

        var error = await Assert.ThrowsAsync<AiProviderException>(() => generator.GenerateAsync(["x"]));

        Assert.Equal(AiFailureKind.Unauthorized, error.Kind);
        Assert.Contains("invalid_api_key", error.Message, StringComparison.Ordinal);
    }
}
