using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Jobsmith.Core.Data;
using Jobsmith.Core.Plans.Payments;
using Jobsmith.Web.Tests.Support;

namespace Jobsmith.Web.Tests.Plans;

/// <summary>Seed 000's /api/subscriptions/... over HTTP (H1) with the local payment stand-in, and the signed webhook endpoint.</summary>
public sealed class SubscriptionApiTests(PlansWebAppFixture fixture) : IClassFixture<PlansWebAppFixture>
{
    [SkippableFact]
    public async Task A_candidate_sees_the_plans_upgrades_and_cancels()
    {
        var app = await fixture.AppAsync(DatabaseProviders.Sqlite);
        using var client = app.CreateApiClient();
        var candidate = await client.RegisterAsync(ApiCalls.UniqueEmail("plan"));

        var plans = await Json(await client.SendAsync(HttpMethod.Get, "/api/subscriptions/plans", candidate.AccessToken));
        Assert.Equal(["free", "pro", "enterprise"], plans.EnumerateArray().Select(p => p.GetProperty("id").GetString()));
        Assert.Equal(-1, plans[2].GetProperty("applicationsPerMonth").GetInt32());
        Assert.DoesNotContain("stripePriceId", plans.GetRawText(), StringComparison.OrdinalIgnoreCase);

        var me = await Json(await client.SendAsync(HttpMethod.Get, "/api/subscriptions/me", candidate.AccessToken));
        Assert.Equal(("free", 0, 10), (me.GetProperty("plan").GetProperty("id").GetString(), me.GetProperty("usage").GetProperty("used").GetInt32(), me.GetProperty("usage").GetProperty("limit").GetInt32()));

        using (var unknown = await client.SendAsync(HttpMethod.Post, "/api/subscriptions/upgrade", candidate.AccessToken, """{"plan":"platinum"}"""))
            await unknown.AssertProblemAsync(HttpStatusCode.Conflict);
        var upgraded = await Json(await client.SendAsync(HttpMethod.Post, "/api/subscriptions/upgrade", candidate.AccessToken, """{"plan":"pro"}"""));
        Assert.Equal("changed", upgraded.GetProperty("outcome").GetString());
        Assert.Equal((200, "local"), (upgraded.GetProperty("subscription").GetProperty("usage").GetProperty("limit").GetInt32(), upgraded.GetProperty("subscription").GetProperty("provider").GetString()));

        var cancelled = await Json(await client.SendAsync(HttpMethod.Post, "/api/subscriptions/cancel", candidate.AccessToken));
        Assert.True(cancelled.GetProperty("cancelAtPeriodEnd").GetBoolean());
        Assert.Equal("pro", cancelled.GetProperty("plan").GetProperty("id").GetString());
    }

    [SkippableFact]
    public async Task The_webhook_applies_a_signed_event_once_and_refuses_unsigned_forged_or_stale_ones()
    {
        var app = await fixture.AppAsync(DatabaseProviders.Sqlite);
        using var client = app.CreateApiClient();
        var candidate = await client.RegisterAsync(ApiCalls.UniqueEmail("hook"));
        var now = TimeProvider.System.GetUtcNow();
        var payload = Event(candidate.User.Id, "enterprise", now);

        using (var applied = await Deliver(client, payload, WebhookSignature.Sign(payload, PlansWebAppFixture.LocalWebhookSecret, now)))
            Assert.Equal("Applied", (await Json(applied)).GetProperty("outcome").GetString());
        using (var again = await Deliver(client, payload, WebhookSignature.Sign(payload, PlansWebAppFixture.LocalWebhookSecret, now)))
            Assert.Equal("Duplicate", (await Json(again)).GetProperty("outcome").GetString());
        var me = await Json(await client.SendAsync(HttpMethod.Get, "/api/subscriptions/me", candidate.AccessToken));
        Assert.Equal(-1, me.GetProperty("usage").GetProperty("limit").GetInt32());

        var other = Event(candidate.User.Id, "pro", now);
        using (var forged = await Deliver(client, other, WebhookSignature.Sign(other, "whsec_guessed", now)))
            Assert.Contains("does not match", (await forged.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        using (var stale = await Deliver(client, other, WebhookSignature.Sign(other, PlansWebAppFixture.LocalWebhookSecret, now.AddHours(-1))))
            await stale.AssertProblemAsync(HttpStatusCode.BadRequest);
        using (var unsigned = await Deliver(client, other, null))
            await unsigned.AssertProblemAsync(HttpStatusCode.BadRequest);
        me = await Json(await client.SendAsync(HttpMethod.Get, "/api/subscriptions/me", candidate.AccessToken));
        Assert.Equal("enterprise", me.GetProperty("plan").GetProperty("id").GetString());
    }

    private static async Task<HttpResponseMessage> Deliver(HttpClient client, string payload, string? signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/subscriptions/webhook") { Content = new StringContent(payload, Encoding.UTF8, "application/json") };
        if (signature is not null) request.Headers.Add(WebhookSignature.Header, signature);
        return await client.SendAsync(request);
    }

    private static string Event(string userId, string plan, DateTimeOffset at) => new JsonObject
    {
        ["id"] = "evt_web_" + Guid.NewGuid().ToString("N"),
        ["object"] = "event",
        ["type"] = LocalPaymentProvider.SubscriptionUpdated,
        ["created"] = at.ToUnixTimeSeconds(),
        ["data"] = new JsonObject
        {
            ["object"] = new JsonObject
            {
                ["id"] = "sub_local_web", ["object"] = "subscription", ["status"] = "active", ["cancel_at_period_end"] = false,
                ["current_period_start"] = at.ToUnixTimeSeconds(), ["current_period_end"] = at.AddMonths(1).ToUnixTimeSeconds(),
                ["metadata"] = new JsonObject { ["jobsmith_user"] = userId, ["jobsmith_plan"] = plan },
            },
        },
    }.ToJsonString();

    private static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
            return JsonDocument.Parse(body).RootElement.Clone();
        }
    }
}
