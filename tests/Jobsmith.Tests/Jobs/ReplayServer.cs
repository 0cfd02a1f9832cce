using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Jobsmith.Tests.Jobs;

/// <summary>
/// A real HTTP server on 127.0.0.1 (Kestrel, random port) that replays recorded responses by path and query,
/// or runs a handler for behaviours such as redirects, failures and slow or huge bodies. Records every request.
/// </summary>
public sealed class ReplayServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, Func<HttpContext, Task>> _routes = new(StringComparer.Ordinal);

    private ReplayServer(WebApplication app) => _app = app;

    public ConcurrentQueue<(string PathAndQuery, string? UserAgent, string? Body)> Requests { get; } = new();

    public Uri BaseUrl { get; private set; } = null!;

    public static async Task<ReplayServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var server = new ReplayServer(builder.Build());
        server._app.Run(server.HandleAsync);
        await server._app.StartAsync();
        var address = server._app.Services.GetService(typeof(IServer)) is IServer s ? s.Features.Get<IServerAddressesFeature>()!.Addresses.First() : throw new InvalidOperationException("no server");
        server.BaseUrl = new Uri(address.TrimEnd('/') + "/");
        return server;
    }

    public Uri Url(string pathAndQuery) => new(BaseUrl, pathAndQuery.TrimStart('/'));

    /// <summary>Serves <paramref name="body"/> for an exact path (and query, when given).</summary>
    public void Serve(string pathAndQuery, string body, string contentType = "application/json") =>
        _routes[pathAndQuery] = async ctx =>
        {
            ctx.Response.ContentType = contentType;
            await ctx.Response.WriteAsync(body);
        };

    public void Handle(string pathAndQuery, Func<HttpContext, Task> handler) => _routes[pathAndQuery] = handler;

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        var full = path + context.Request.QueryString.Value;
        string? body = null;
        if (context.Request.ContentLength > 0)
            body = await new StreamReader(context.Request.Body).ReadToEndAsync();
        Requests.Enqueue((full, context.Request.Headers.UserAgent.ToString(), body));
        if (_routes.TryGetValue(full, out var handler) || _routes.TryGetValue(path, out handler))
        {
            await handler(context);
            return;
        }
        context.Response.StatusCode = 404;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
