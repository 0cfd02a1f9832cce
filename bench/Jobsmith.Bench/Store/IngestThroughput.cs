using System.Diagnostics;
using Jobsmith.Bench.Jobs;
using Jobsmith.Core.Jobs;
using Jobsmith.Core.Jobs.Dedupe;
using Jobsmith.Core.Jobs.Sources;
using Jobsmith.Core.Jobs.Store;
using Microsoft.Extensions.DependencyInjection;

namespace Jobsmith.Bench.Store;

/// <summary>
/// End-to-end import throughput (P2), side by side with the in-process parse rate, on every available database:
/// what `jobsmith jobs import --source ashby` does (parse, normalize, dedupe, store with skills) on the real Ashby folder,
/// the same folder again (all unchanged), and store-only for copies of its postings under new ids (a larger batch).
/// Run: dotnet run -c Release --project bench/Jobsmith.Bench -- ingest-store [copies]
/// Skips with a message (exit 0) when the shared data is absent; PostgreSQL runs when JOBSMITH_TEST_POSTGRES is set.
/// </summary>
internal static class IngestThroughput
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (BenchData.AshbyOrSkip() is not { } folder) return 0;
        var copies = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 25;
        Console.WriteLine($"| database | run | postings | seconds | postings/s |");
        Console.WriteLine("|---|---|---:|---:|---:|");
        foreach (var provider in BenchDatabase.Available())
        {
            await using var database = await BenchDatabase.CreateAsync(provider);
            var services = database.Host.Services;
            var parsed = await ParseRateAsync(services, folder, provider);
            PostingMapper.Skills("Python and SQL"); // loads the catalogue once, as any process that stores postings does
            await TimeAsync(provider, "skill extraction only, in process (one core)", () => Task.FromResult(parsed.Sum(p => PostingMapper.Skills(p.Description.Text).Count > -1 ? 1 : 0)));
            await TimeAsync(provider, "import Ashby folder (new)", () => ImportAsync(services, folder));
            await TimeAsync(provider, "import Ashby folder again (unchanged)", () => ImportAsync(services, folder));
            var many = Copies(parsed, copies);
            await TimeAsync(provider, $"store only, {copies} copies under new ids", () => StoreAsync(services, many, dedupe: true));
        }
        return 0;
    }

    private static async Task<IReadOnlyList<JobPosting>> ParseRateAsync(IServiceProvider services, string folder, string provider)
    {
        IngestionResult? result = null;
        var best = TimeSpan.MaxValue;
        for (var i = 0; i < 5; i++)
        {
            var clock = Stopwatch.StartNew();
            result = await services.GetRequiredService<JobIngestion>().ImportPathAsync("ashby", folder, default);
            best = clock.Elapsed < best ? clock.Elapsed : best;
        }
        var count = result!.Batch.Postings.Count;
        Console.WriteLine($"| {provider} | parse + normalize + dedupe in process (best of 5) | {count} | {best.TotalSeconds:0.000} | {count / best.TotalSeconds:N0} |");
        return result.Batch.Postings;
    }

    private static async Task TimeAsync(string provider, string run, Func<Task<int>> work)
    {
        var clock = Stopwatch.StartNew();
        var count = await work();
        Console.WriteLine($"| {provider} | {run} | {count} | {clock.Elapsed.TotalSeconds:0.000} | {count / clock.Elapsed.TotalSeconds:N0} |");
    }

    private static async Task<int> ImportAsync(IServiceProvider root, string folder)
    {
        await using var scope = root.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<JobIngestion>().ImportPathAsync("ashby", folder, default);
        var summary = await scope.ServiceProvider.GetRequiredService<JobIngestionStore>().SaveAsync(result, default);
        return summary.Added + summary.Updated;
    }

    /// <summary>Stores postings as one run; without dedupe each is its own group (for seeding a large store quickly).</summary>
    public static async Task<int> StoreAsync(IServiceProvider root, IReadOnlyList<JobPosting> postings, bool dedupe)
    {
        await using var scope = root.CreateAsyncScope();
        var groups = dedupe
            ? scope.ServiceProvider.GetRequiredService<DuplicateDetector>().Group(postings)
            : [.. postings.Select(p => new DuplicateGroup(p, []))];
        var result = new IngestionResult(new SourceBatch(postings[0].SourceKind, postings.Count, postings, []), groups);
        var summary = await scope.ServiceProvider.GetRequiredService<JobIngestionStore>().SaveAsync(result, default);
        return summary.Added + summary.Updated;
    }

    /// <summary>Copies under new ids, companies and pages, so they are new postings rather than duplicates.</summary>
    public static List<JobPosting> Copies(IReadOnlyList<JobPosting> postings, int times, int first = 1) =>
        [.. Enumerable.Range(first, times).SelectMany(k => postings.Select(p => p with
        {
            ExternalId = $"{p.ExternalId}-copy{k}",
            Company = $"{p.Company} {k}",
            CanonicalUrl = p.CanonicalUrl is null ? null : new Uri($"{p.CanonicalUrl.AbsoluteUri.TrimEnd('/')}/copy{k}"),
        }))];
}
