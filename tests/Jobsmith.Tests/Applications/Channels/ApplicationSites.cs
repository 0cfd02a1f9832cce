using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Jobsmith.Tests.Applications.Channels;

public sealed record ReceivedFile(string FileName, string ContentType, byte[] Content);

/// <summary>One application as a site received it: every form field by name and every uploaded file by field name.</summary>
public sealed record ReceivedApplication(string Site, IReadOnlyDictionary<string, string[]> Fields, IReadOnlyDictionary<string, ReceivedFile> Files)
{
    public string? Field(string name) => Fields.TryGetValue(name, out var values) ? string.Join(",", values) : null;
}

/// <summary>
/// Application sites on 127.0.0.1 (Kestrel, random port), written to behave like real ATS forms. Each page is
/// served at a path; each site's submit endpoint reads the multipart form, the url-encoded form or the JSON a
/// front-end posts, records what it received, and answers as the site would.
/// </summary>
public sealed class ApplicationSites : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, Func<HttpContext, Task>> _routes = new(StringComparer.Ordinal);

    private ApplicationSites(WebApplication app) => _app = app;

    public ConcurrentQueue<ReceivedApplication> Received { get; } = new();

    public Uri BaseUrl { get; private set; } = null!;

    public static async Task<ApplicationSites> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = 20 * 1024 * 1024);
        builder.Services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(o => o.MultipartBodyLengthLimit = 20 * 1024 * 1024);
        builder.Logging.ClearProviders();
        var sites = new ApplicationSites(builder.Build());
        sites._app.Run(sites.HandleAsync);
        await sites._app.StartAsync();
        var address = sites._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        sites.BaseUrl = new Uri(address.TrimEnd('/') + "/");
        return sites;
    }

    public Uri Url(string path) => new(BaseUrl, path.TrimStart('/'));

    public IReadOnlyList<ReceivedApplication> ReceivedBy(string site) => [.. Received.Where(r => r.Site == site)];

    /// <summary>Serves an HTML page.</summary>
    public void Page(string path, string html, int status = 200) => _routes[path] = async ctx =>
    {
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = "text/html; charset=utf-8";
        await ctx.Response.WriteAsync(html);
    };

    /// <summary>A submit endpoint: records what arrived for <paramref name="site"/>, then answers with <paramref name="respond"/>.</summary>
    public void Receive(string path, string site, Func<HttpContext, ReceivedApplication, Task> respond) => _routes[path] = async ctx =>
    {
        var received = await ReadAsync(ctx, site);
        Received.Enqueue(received);
        await respond(ctx, received);
    };

    public void Handle(string path, Func<HttpContext, Task> handler) => _routes[path] = handler;

    /// <summary>Answers a browser form post with a redirect to a confirmation page (post/redirect/get).</summary>
    public static Func<HttpContext, ReceivedApplication, Task> RedirectTo(string path) => (ctx, _) =>
    {
        ctx.Response.Redirect(path, permanent: false, preserveMethod: false);
        return Task.CompletedTask;
    };

    public static Func<HttpContext, ReceivedApplication, Task> Json(object body) => (ctx, _) => ctx.Response.WriteAsJsonAsync(body);

    private static async Task<ReceivedApplication> ReadAsync(HttpContext ctx, string site)
    {
        var fields = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var files = new Dictionary<string, ReceivedFile>(StringComparer.Ordinal);
        if (ctx.Request.HasFormContentType)
        {
            var form = await ctx.Request.ReadFormAsync();
            foreach (var (key, values) in form) fields[key] = [.. values.Select(v => v ?? "")];
            foreach (var file in form.Files)
            {
                using var buffer = new MemoryStream();
                await file.CopyToAsync(buffer);
                files[file.Name] = new ReceivedFile(file.FileName, file.ContentType, buffer.ToArray());
            }
        }
        else if (ctx.Request.ContentType?.StartsWith("application/json", StringComparison.Ordinal) == true)
        {
            using var json = await JsonDocument.ParseAsync(ctx.Request.Body);
            foreach (var property in json.RootElement.EnumerateObject())
                fields[property.Name] = property.Value.ValueKind == JsonValueKind.Array
                    ? [.. property.Value.EnumerateArray().Select(v => v.ToString())]
                    : [property.Value.ToString()];
        }
        return new ReceivedApplication(site, fields, files);
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        if (_routes.TryGetValue(path, out var handler))
        {
            await handler(context);
            return;
        }
        context.Response.StatusCode = 404;
        await context.Response.WriteAsync("Not found", Encoding.UTF8);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
