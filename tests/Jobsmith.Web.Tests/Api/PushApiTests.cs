using System.Buffers.Text;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Jobsmith.Core.Data;
using Jobsmith.Web.Tests.Support;

namespace Jobsmith.Web.Tests.Api;

/// <summary>Push endpoints may be loopback http here, as a local push-service stand-in would be; nothing else is opened.</summary>
public sealed class LoopbackPushFixture : WebAppFixture
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings { get; } = new Dictionary<string, string?> { ["Push:AllowLoopbackForTests"] = "true" };
}

/// <summary>
/// G3 Web Push API: the VAPID key browsers subscribe with, subscription endpoints validated as user-supplied URLs
/// (SSRF), and each user's browsers private to them.
/// </summary>
public sealed class PushApiTests(LoopbackPushFixture fixture) : IClassFixture<LoopbackPushFixture>
{
    private const string Subscriptions = "/api/notifications/push/subscriptions";

    [Fact]
    public async Task The_public_key_is_an_uncompressed_P256_point_and_stays_the_same()
    {
        var app = await fixture.AppAsync(DatabaseProviders.Sqlite);
        using var client = app.CreateApiClient();
        var user = await client.RegisterAsync(ApiCalls.UniqueEmail("push-key"));

        var first = await KeyAsync(client, user.AccessToken);
        var point = Base64Url.DecodeFromChars(first);
        Assert.Equal(65, point.Length);
        Assert.Equal(0x04, point[0]);
        Assert.DoesNotContain('=', first);
        var other = await client.RegisterAsync(ApiCalls.UniqueEmail("push-key-2"));
        Assert.Equal(first, await KeyAsync(client, other.AccessToken));
    }

    [Theory]
    [InlineData("http://push.example.com/send/1", "endpoint", "https")]
    [InlineData("https://10.0.0.7/send/1", "endpoint", "public push service")]
    [InlineData("https://192.168.1.1/send/1", "endpoint", "public push service")]
    [InlineData("https://169.254.169.254/latest/meta-data/", "endpoint", "public push service")]
    [InlineData("https://[::ffff:10.0.0.1]/send/1", "endpoint", "public push service")]
    [InlineData("https://user:pw@push.example.com/send/1", "endpoint", "user name or password")]
    [InlineData("not a url", "endpoint", "absolute")]
    public async Task An_endpoint_that_is_not_https_to_a_public_address_is_refused_with_a_clear_400(string endpoint, string field, string says)
    {
        var app = await fixture.AppAsync(DatabaseProviders.Sqlite);
        using var client = app.CreateApiClient();
        var user = await client.RegisterAsync(ApiCalls.UniqueEmail("push-bad"));

        using var response = await client.SendJsonAsync(HttpMethod.Post, Subscriptions, user.AccessToken, Browser(endpoint));
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        var message = problem.GetProperty("errors").GetProperty(field)[0].GetString();
        Assert.Contains(says, message, StringComparison.Ordinal);
        Assert.Empty(await ListAsync(client, user.AccessToken));
    }

    [Fact]
    public async Task Keys_that_are_not_a_browser_key_and_secret_are_refused()
    {
        var app = await fixture.AppAsync(DatabaseProviders.Sqlite);
        using var client = app.CreateApiClient();
        var user = await client.RegisterAsync(ApiCalls.UniqueEmail("push-keys"));
        var offCurve = Base64Url.EncodeToString([0x04, .. new byte[64]]);

        using var response = await client.SendJsonAsync(HttpMethod.Post, Subscriptions, user.AccessToken,
            new { endpoint = "https://8.8.8.8/push/1", keys = new { p256dh = offCurve, auth = "c2hvcnQ" } });
        var errors = (await response.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("keys.p256dh", out _));
        Assert.True(errors.TryGetProperty("keys.auth", out _));
        Assert.False(errors.TryGetProperty("endpoint", out _));
    }

    [Fact]
    public async Task Another_users_subscription_is_neither_listed_nor_deleted_but_moves_when_they_subscribe_that_browser()
    {
        var app = await fixture.AppAsync(DatabaseProviders.Sqlite);
        using var client = app.CreateApiClient();
        var owner = await client.RegisterAsync(ApiCalls.UniqueEmail("push-owner"));
        var intruder = await client.RegisterAsync(ApiCalls.UniqueEmail("push-intruder"));
        var endpoint = $"http://127.0.0.1:9/push/{Guid.NewGuid():N}";

        using (var created = await client.SendJsonAsync(HttpMethod.Post, Subscriptions, owner.AccessToken, Browser(endpoint)))
        {
            Assert.Equal(HttpStatusCode.OK, created.StatusCode);
            Assert.Equal(endpoint, (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("endpoint").GetString());
        }
        Assert.Single(await ListAsync(client, owner.AccessToken));
        Assert.Empty(await ListAsync(client, intruder.AccessToken));

        using (var delete = await client.SendAsync(HttpMethod.Delete, $"{Subscriptions}?endpoint={Uri.EscapeDataString(endpoint)}", intruder.AccessToken))
            Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
        Assert.Single(await ListAsync(client, owner.AccessToken));

        // The same browser subscribed by someone else (a shared computer) is theirs from then on.
        using (var taken = await client.SendJsonAsync(HttpMethod.Post, Subscriptions, intruder.AccessToken, Browser(endpoint)))
            Assert.Equal(HttpStatusCode.OK, taken.StatusCode);
        Assert.Empty(await ListAsync(client, owner.AccessToken));
        Assert.Single(await ListAsync(client, intruder.AccessToken));

        using (var delete = await client.SendAsync(HttpMethod.Delete, $"{Subscriptions}?endpoint={Uri.EscapeDataString(endpoint)}", intruder.AccessToken))
            Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        Assert.Empty(await ListAsync(client, intruder.AccessToken));
        using (var missing = await client.SendAsync(HttpMethod.Delete, Subscriptions, owner.AccessToken))
            await missing.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    /// <summary>A browser's PushSubscription JSON with real keys, as subscription.toJSON() gives it.</summary>
    private static object Browser(string endpoint)
    {
        using var key = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        var q = key.ExportParameters(false).Q;
        return new
        {
            endpoint,
            expirationTime = (long?)null,
            keys = new { p256dh = Base64Url.EncodeToString([0x04, .. q.X!, .. q.Y!]), auth = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16)) },
        };
    }

    private static async Task<string> KeyAsync(HttpClient client, string token)
    {
        using var response = await client.SendAsync(HttpMethod.Get, "/api/notifications/push/key", token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("publicKey").GetString()!;
    }

    private static async Task<JsonElement[]> ListAsync(HttpClient client, string token)
    {
        using var response = await client.SendAsync(HttpMethod.Get, Subscriptions, token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray()];
    }
}
