using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Jobsmith.Tests.Notifications;

/// <summary>
/// A loopback server speaking the part of Twilio's REST API Jobsmith uses, in Twilio's wire format: a form-encoded
/// POST to /2010-04-01/Accounts/{AccountSid}/Messages.json with HTTP basic auth (account SID and auth token), answered
/// with the message resource as JSON (201), or Twilio's error object. It records every message it accepted.
/// </summary>
internal sealed class TwilioStandIn : IAsyncDisposable
{
    public sealed record Message(string AccountSid, string To, string From, string Body);

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Message> _messages = new();
    private readonly string _accountSid;
    private readonly string _authToken;

    private TwilioStandIn(WebApplication app, string accountSid, string authToken) => (_app, _accountSid, _authToken) = (app, accountSid, authToken);

    public Uri BaseUri { get; private set; } = null!;

    public IReadOnlyList<Message> Messages => [.. _messages];

    /// <summary>Numbers Twilio would refuse as recipients (error 21211), to test a refused send.</summary>
    public HashSet<string> InvalidNumbers { get; } = [];

    public static async Task<TwilioStandIn> StartAsync(string accountSid, string authToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new TwilioStandIn(app, accountSid, authToken);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        server.BaseUri = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return server;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var expectedAuth = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{_accountSid}:{_authToken}"));
        if (context.Request.Headers.Authorization.ToString() != expectedAuth)
        {
            await ErrorAsync(context, 401, 20003, "Authenticate");
            return;
        }
        if (context.Request.Method != "POST" || context.Request.Path != $"/2010-04-01/Accounts/{_accountSid}/Messages.json" || !context.Request.HasFormContentType)
        {
            await ErrorAsync(context, 404, 20404, "The requested resource was not found");
            return;
        }
        var form = await context.Request.ReadFormAsync();
        var (to, from, body) = (form["To"].ToString(), form["From"].ToString(), form["Body"].ToString());
        if (InvalidNumbers.Contains(to))
        {
            await ErrorAsync(context, 400, 21211, $"The 'To' number {to} is not a valid phone number.");
            return;
        }
        _messages.Enqueue(new Message(_accountSid, to, from, body));
        var sid = "SM" + Guid.NewGuid().ToString("N");
        var resource = new JsonObject
        {
            ["sid"] = sid, ["account_sid"] = _accountSid, ["to"] = to, ["from"] = from, ["body"] = body, ["status"] = "queued",
            ["num_segments"] = "1", ["direction"] = "outbound-api", ["api_version"] = "2010-04-01",
            ["date_created"] = "Sat, 05 Dec 2026 12:00:00 +0000", ["date_updated"] = "Sat, 05 Dec 2026 12:00:00 +0000",
            ["uri"] = $"/2010-04-01/Accounts/{_accountSid}/Messages/{sid}.json",
        };
        context.Response.StatusCode = 201;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(resource.ToJsonString());
    }

    private static async Task ErrorAsync(HttpContext context, int status, int code, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        var error = new JsonObject { ["code"] = code, ["message"] = message, ["more_info"] = $"https://www.twilio.com/docs/errors/{code}", ["status"] = status };
        await context.Response.WriteAsync(error.ToJsonString());
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
