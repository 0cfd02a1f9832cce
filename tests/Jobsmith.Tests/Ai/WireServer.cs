using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Jobsmith.Tests.Ai;

/// <summary>
/// A Kestrel server on 127.0.0.1 standing in for a provider API: it records each request and answers
/// with the body a test gives it, written in the provider's real wire format.
/// </summary>
internal sealed class WireServer : IAsyncDisposable
{
    public sealed record Request(string Method, string Path, IReadOnlyDictionary<string, string> Headers, JsonNode? Body);

    public sealed record Reply(int Status, string Body, TimeSpan Delay = default);

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Request> _requests = new();

    private WireServer(WebApplication app) => _app = app;

    public Uri BaseUri { get; private set; } = null!;

    public IReadOnlyList<Request> Requests => [.. _requests];

    public static async Task<WireServer> StartAsync(Func<Request, Reply> respond)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new WireServer(app);
        app.Run(async context => await server.HandleAsync(context, respond));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUri = new Uri(address);
        return server;
    }

    public static Task<WireServer> StartAsync(int status, string body) => StartAsync(_ => new Reply(status, body));

    public Uri Url(string path) => new(BaseUri, path);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context, Func<Request, Reply> respond)
    {
        using var reader = new StreamReader(context.Request.Body);
        var text = await reader.ReadToEndAsync();
        var request = new Request(
            context.Request.Method,
            context.Request.Path.Value ?? "",
            context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString()),
            text.Length == 0 ? null : JsonNode.Parse(text));
        _requests.Enqueue(request);
        var reply = respond(request);
        if (reply.Delay > TimeSpan.Zero)
            await Task.Delay(reply.Delay, context.RequestAborted);
        context.Response.StatusCode = reply.Status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(reply.Body);
    }
}
