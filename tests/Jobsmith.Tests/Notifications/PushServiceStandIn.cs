using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Jobsmith.Tests.Notifications;

/// <summary>
/// A loopback push service (RFC 8030): takes a POST to a subscription's endpoint and answers as real services do —
/// 201 Created for a live subscription, 410 Gone under <c>/gone/</c>, 500 under <c>/broken/</c>. It keeps every
/// request with its headers and raw (still encrypted) body for the test to verify.
/// </summary>
internal sealed class PushServiceStandIn : IAsyncDisposable
{
    public sealed record Request(string Path, string Authorization, string? Ttl, string? Urgency, string? Topic, string? ContentEncoding, byte[] Body);

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Request> _requests = new();

    private PushServiceStandIn(WebApplication app) => _app = app;

    public Uri BaseUri { get; private set; } = null!;

    /// <summary>What a browser would see as the service's origin: the audience a VAPID token must name.</summary>
    public string Origin => BaseUri.GetLeftPart(UriPartial.Authority);

    public IReadOnlyList<Request> Requests => [.. _requests];

    public string Endpoint(string path) => new Uri(BaseUri, path).AbsoluteUri;

    public static async Task<PushServiceStandIn> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new PushServiceStandIn(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        server.BaseUri = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        var headers = context.Request.Headers;
        var path = context.Request.Path.Value ?? "";
        _requests.Enqueue(new Request(path, headers.Authorization.ToString(), headers["TTL"].FirstOrDefault(), headers["Urgency"].FirstOrDefault(),
            headers["Topic"].FirstOrDefault(), headers.ContentEncoding.FirstOrDefault(), body.ToArray()));
        if (!HttpMethods.IsPost(context.Request.Method)) context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
        else if (path.StartsWith("/gone/", StringComparison.Ordinal)) context.Response.StatusCode = StatusCodes.Status410Gone;
        else if (path.StartsWith("/broken/", StringComparison.Ordinal)) context.Response.StatusCode = StatusCodes.Status500InternalServerError;
        else
        {
            context.Response.StatusCode = StatusCodes.Status201Created;
            context.Response.Headers.Location = "/messages/" + Guid.NewGuid().ToString("N");
        }
    }
}
