using System.Diagnostics;
using System.Globalization;
using Jobsmith.Bench.Jobs;
using Jobsmith.Core.Data;
using Jobsmith.Core.Jobs;
using Jobsmith.Core.Jobs.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Jobsmith.Bench.Store;

/// <summary>
/// Job list reads at scale (P5): seeds N postings (default 100,000: copies of the real Ashby postings under new ids)
/// through the batched store, serves the list use case (<see cref="JobQueries"/>, JSON) and a bare endpoint from one
/// Kestrel on loopback, and loads both from a concurrent client in the same run: p50/p99 latency and requests/s for the
/// first page, a deep page by cursor, a deep page by number, and a text search. Without the web app's auth middleware.
/// Run: dotnet run -c Release --project bench/Jobsmith.Bench -- list-latency [postings] [seconds] [connections]
/// </summary>
internal static class ListLatency
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (BenchData.AshbyOrSkip() is not { } folder) return 0;
        var target = Arg(args, 0, 100_000);
        var seconds = Arg(args, 1, 5);
        var connections = Arg(args, 2, 16);
        foreach (var provider in BenchDatabase.Available())
        {
            await using var database = await BenchDatabase.CreateAsync(provider);
            var services = database.Host.Services;
            var seeded = await SeedAsync(services, folder, target, provider);
            var deep = await DeepCursorAsync(services, seeded / 2);
            await using var app = await StartAsync(services);
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections }) { BaseAddress = new Uri(address) };
            Console.WriteLine($"| {provider}, {seeded:N0} postings | p50 ms | p99 ms | requests/s | vs bare |");
            Console.WriteLine("|---|---:|---:|---:|---:|");
            var bare = await LoadAsync(client, "/bare", seconds, connections);
            Print("bare endpoint", bare, bare.Rate);
            (string Name, string Path)[] lists =
            [
                ("GET /api/jobs first page", "/api/jobs"),
                ("deep page by cursor (middle of the list)", $"/api/jobs?cursor={deep}"),
                ($"deep page by number (page {seeded / 40:N0})", $"/api/jobs?page={seeded / 40}"),
                ("search text=kubernetes", "/api/jobs?text=kubernetes"),
                ("search text=python", "/api/jobs?text=python"),
            ];
            // As served (a page asked again comes from the list cache), then every read from the database.
            foreach (var (name, path) in lists) Print(name, await LoadAsync(client, path, seconds, connections), bare.Rate);
            foreach (var (name, path) in lists) Print(name + ", uncached", await LoadAsync(client, "/uncached" + path, seconds, connections), bare.Rate);
        }
        return 0;
    }

    private static int Arg(string[] args, int index, int fallback) =>
        args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;

    private static async Task<int> SeedAsync(IServiceProvider services, string folder, int target, string provider)
    {
        IReadOnlyList<JobPosting> real;
        await using (var scope = services.CreateAsyncScope())
            real = (await scope.ServiceProvider.GetRequiredService<JobIngestion>().ImportPathAsync("ashby", folder, default)).Batch.Postings;
        var clock = Stopwatch.StartNew();
        var stored = 0;
        for (var k = 1; stored < target; k += 12)
        {
            var copies = IngestThroughput.Copies(real, 12, k);
            stored += await IngestThroughput.StoreAsync(services, copies.Take(target - stored).ToList(), dedupe: false);
        }
        Console.WriteLine($"seeded {stored:N0} postings into {provider} in {clock.Elapsed.TotalSeconds:0.0}s ({stored / clock.Elapsed.TotalSeconds:N0}/s, store only, no dedupe)");
        return stored;
    }

    private static async Task<string> DeepCursorAsync(IServiceProvider services, int offset)
    {
        await using var scope = services.CreateAsyncScope();
        var row = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<StoredPosting>().AsNoTracking()
            .Where(p => p.Status == PostingStatus.Open).OrderByDescending(p => p.FirstSeenAt).ThenByDescending(p => p.Id)
            .Skip(offset).Select(p => new { p.FirstSeenAt, p.Id }).FirstAsync();
        return new PageCursor(row.FirstSeenAt, row.Id).Encode();
    }

    private static async Task<WebApplication> StartAsync(IServiceProvider services)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapGet("/bare", () => "ok");
        app.MapGet("/api/jobs", (Delegate)((HttpContext context) => ListAsync(services, context, cached: true)));
        app.MapGet("/uncached/api/jobs", (Delegate)((HttpContext context) => ListAsync(services, context, cached: false)));
        await app.StartAsync();
        return app;
    }

    private static async Task<IResult> ListAsync(IServiceProvider services, HttpContext context, bool cached)
    {
        await using var scope = services.CreateAsyncScope();
        var q = context.Request.Query;
        var query = new JobQuery
        {
            Cursor = q["cursor"],
            Text = q["text"],
            Page = int.TryParse(q["page"], CultureInfo.InvariantCulture, out var page) ? page : 1,
        };
        var sp = scope.ServiceProvider;
        // A cache of its own per request never answers: every request reads the database (the count cache stays shared).
        var queries = cached ? sp.GetRequiredService<JobQueries>()
            : new JobQueries(sp.GetRequiredService<AppDbContext>(), sp.GetRequiredService<JobListCounts>(), new JobListCache(TimeProvider.System));
        return Results.Json(await queries.SearchAsync(query, context.RequestAborted));
    }

    private sealed record Load(double P50, double P99, double Rate, int Failures);

    private static async Task<Load> LoadAsync(HttpClient client, string path, int seconds, int connections)
    {
        await RunAsync(client, path, TimeSpan.FromSeconds(1), connections);
        var clock = Stopwatch.StartNew();
        var (latencies, failures) = await RunAsync(client, path, TimeSpan.FromSeconds(seconds), connections);
        var elapsed = clock.Elapsed.TotalSeconds;
        latencies.Sort();
        return new Load(Percentile(latencies, 0.50), Percentile(latencies, 0.99), latencies.Count / elapsed, failures);
    }

    private static async Task<(List<double> Latencies, int Failures)> RunAsync(HttpClient client, string path, TimeSpan duration, int connections)
    {
        var end = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var failures = 0;
        var workers = Enumerable.Range(0, connections).Select(_ => Task.Run(async () =>
        {
            var mine = new List<double>();
            while (Stopwatch.GetTimestamp() < end)
            {
                var start = Stopwatch.GetTimestamp();
                using var response = await client.GetAsync(path);
                await response.Content.ReadAsByteArrayAsync();
                if (!response.IsSuccessStatusCode) Interlocked.Increment(ref failures);
                mine.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
            return mine;
        })).ToList();
        var all = (await Task.WhenAll(workers)).SelectMany(l => l).ToList();
        return (all, failures);
    }

    private static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)(p * sorted.Count))];

    private static void Print(string name, Load load, double bareRate) =>
        Console.WriteLine($"| {name} | {load.P50:0.0} | {load.P99:0.0} | {load.Rate:N0} | {load.Rate / bareRate:P0} |{(load.Failures > 0 ? $" {load.Failures} failed" : "")}");
}
