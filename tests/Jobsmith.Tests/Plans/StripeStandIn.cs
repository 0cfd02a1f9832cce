using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Jobsmith.Tests.Plans;

/// <summary>
/// A loopback server speaking the part of Stripe's API that Jobsmith uses, in Stripe's wire format: form-encoded
/// requests with bracketed keys, JSON objects tagged with "object". It keeps the subscriptions it made so a
/// checkout, a later read, a price change and a cancel see one consistent state, and records every request.
/// </summary>
internal sealed class StripeStandIn : IAsyncDisposable
{
    public sealed record Request(string Method, string Path, string? Authorization, IReadOnlyDictionary<string, string> Form);

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Request> _requests = new();
    private readonly ConcurrentDictionary<string, JsonObject> _subscriptions = new();
    private readonly Lock _gate = new();

    private StripeStandIn(WebApplication app) => _app = app;

    public Uri BaseUri { get; private set; } = null!;

    public IReadOnlyList<Request> Requests => [.. _requests];

    public static async Task<StripeStandIn> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new StripeStandIn(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        server.BaseUri = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return server;
    }

    /// <summary>What Stripe does when the customer pays on the checkout page: the subscription comes to exist.</summary>
    public JsonObject CompleteCheckout(string subscriptionId, string customerId, string priceId, IReadOnlyDictionary<string, string> metadata, DateTimeOffset start)
    {
        var metadataJson = new JsonObject();
        foreach (var (k, v) in metadata) metadataJson[k] = v;
        var subscription = new JsonObject
        {
            ["id"] = subscriptionId,
            ["object"] = "subscription",
            ["customer"] = customerId,
            ["status"] = "active",
            ["cancel_at_period_end"] = false,
            ["created"] = start.ToUnixTimeSeconds(),
            ["metadata"] = metadataJson,
            ["items"] = new JsonObject
            {
                ["object"] = "list",
                ["data"] = new JsonArray(new JsonObject
                {
                    ["id"] = "si_" + subscriptionId,
                    ["object"] = "subscription_item",
                    ["price"] = new JsonObject { ["id"] = priceId, ["object"] = "price" },
                    ["current_period_start"] = start.ToUnixTimeSeconds(),
                    ["current_period_end"] = start.AddMonths(1).ToUnixTimeSeconds(),
                }),
            },
        };
        _subscriptions[subscriptionId] = subscription;
        return (JsonObject)subscription.DeepClone();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var form = context.Request.HasFormContentType
            ? (await context.Request.ReadFormAsync()).ToDictionary(f => f.Key, f => f.Value.ToString())
            : [];
        var path = context.Request.Path.Value ?? "";
        _requests.Enqueue(new Request(context.Request.Method, path, context.Request.Headers.Authorization.ToString(), form));
        var (status, body) = Answer(context.Request.Method, path, form);
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.ToJsonString());
    }

    private (int, JsonNode) Answer(string method, string path, Dictionary<string, string> form)
    {
        if (method == "POST" && path == "/v1/checkout/sessions")
        {
            var id = "cs_test_" + Guid.NewGuid().ToString("N")[..12];
            return (200, new JsonObject
            {
                ["id"] = id,
                ["object"] = "checkout.session",
                ["mode"] = form.GetValueOrDefault("mode"),
                ["client_reference_id"] = form.GetValueOrDefault("client_reference_id"),
                ["status"] = "open",
                ["url"] = new Uri(BaseUri, "/c/pay/" + id).ToString(),
            });
        }
        if (path.StartsWith("/v1/subscriptions/", StringComparison.Ordinal))
        {
            var id = path["/v1/subscriptions/".Length..];
            lock (_gate)
            {
                if (!_subscriptions.TryGetValue(id, out var subscription))
                    return (404, new JsonObject { ["error"] = new JsonObject { ["type"] = "invalid_request_error", ["code"] = "resource_missing", ["message"] = $"No such subscription: '{id}'" } });
                if (method == "POST")
                {
                    if (form.TryGetValue("cancel_at_period_end", out var cancel)) subscription["cancel_at_period_end"] = cancel == "true";
                    if (form.TryGetValue("items[0][price]", out var price))
                    {
                        var item = subscription["items"]!["data"]![0]!;
                        if (form.GetValueOrDefault("items[0][id]") != item["id"]!.GetValue<string>())
                            return (400, new JsonObject { ["error"] = new JsonObject { ["type"] = "invalid_request_error", ["message"] = "Unknown subscription item." } });
                        item["price"] = new JsonObject { ["id"] = price, ["object"] = "price" };
                    }
                    foreach (var (key, value) in form.Where(f => f.Key.StartsWith("metadata[", StringComparison.Ordinal)))
                        subscription["metadata"]![key["metadata[".Length..^1]] = value;
                }
                return (200, subscription.DeepClone());
            }
        }
        return (404, new JsonObject { ["error"] = new JsonObject { ["type"] = "invalid_request_error", ["message"] = $"Unrecognized request URL ({method}: {path})." } });
    }
}
