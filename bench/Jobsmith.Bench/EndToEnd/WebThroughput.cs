using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;
using Jobsmith.Bench.Store;
using Jobsmith.Core.Data;

namespace Jobsmith.Bench.EndToEnd;

/// <summary>
/// P5 and P8 against the real web host, as separate processes on loopback. Seeds one SQLite database through the
/// product's use cases (N postings imported as CSV files, default 100,000; C candidates registered with a resume and
/// preferences, default 1,000), starts Jobsmith.Web on it (role All, its own appsettings, Production) and the bare
/// Jobsmith.Bench.Hello app, signs in as a candidate through /api/auth/login, warms the endpoints (list pages, a match
/// run for that candidate), then loads GET /hello, GET /api/jobs?page=1 and GET /api/applications with wrk, alternating,
/// for the given number of rounds, and reads the web process's resident memory (VmRSS, and VmHWM, its peak) from /proc.
/// Targets on 2 cores: an authenticated read ≥ 50% of the bare endpoint's requests/s with p99 ≤ 10 ms (P5); RSS ≤ 400 MB
/// with 100k postings and 1,000 candidates after warming (P8).
/// Run: dotnet run -c Release --project bench/Jobsmith.Bench -- web [postings] [candidates] [seconds] [connections] [rounds]
/// Needs wrk (scripts/setup.sh --bench installs it).
/// </summary>
internal static partial class WebThroughput
{
    public static async Task<int> RunAsync(string[] args)
    {
        var postings = Arg(args, 0, 100_000);
        var candidates = Arg(args, 1, 1_000);
        var seconds = Arg(args, 2, 10);
        var connections = Arg(args, 3, 16);
        var rounds = Arg(args, 4, 2);
        if (Wrk() is not { } wrk)
        {
            Console.WriteLine("skipped: wrk is not installed (scripts/setup.sh --bench installs it)");
            return 0;
        }
        var web = Sibling("Jobsmith.Web");
        var hello = Sibling("Jobsmith.Bench.Hello");
        Console.WriteLine($"load average before: {EndToEndRun.LoadAverage()}; server GC in the web host: {ServerGc(web)}");

        await using var database = await BenchDatabase.CreateAsync(DatabaseProviders.Sqlite);
        var clock = Stopwatch.StartNew();
        var password = BenchSeed.Password();
        for (var c = 0; c < candidates; c++) await BenchSeed.CandidateAsync(database.Host.Services, c, password);
        Console.WriteLine($"seeded {candidates:N0} candidates (register, resume upload, preferences) in {clock.Elapsed.TotalSeconds:0.0} s");
        clock.Restart();
        var seeded = await BenchSeed.PostingsAsync(database.Host.Services, postings);
        Console.WriteLine($"seeded {seeded.Added:N0} postings ({seeded.Duplicates:N0} of them linked as duplicates) through the CSV import in {clock.Elapsed.TotalSeconds:0.0} s");

        var webPort = FreePort();
        var helloPort = FreePort();
        using var webProcess = Start(web, webPort, ["--Jobsmith:DataDirectory", database.Folder, "--Database:ConnectionString", database.ConnectionString]);
        using var helloProcess = Start(hello, helloPort, []);
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{webPort}"), Timeout = TimeSpan.FromMinutes(10) };
            clock.Restart();
            await ReadyAsync(client, "/healthz");
            using (var helloClient = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{helloPort}") })
                await ReadyAsync(helloClient, "/hello");
            Console.WriteLine($"web host answering after {clock.Elapsed.TotalSeconds:0.0} s; RSS {Memory(webProcess)}");

            using var login = await client.PostAsJsonAsync("/api/auth/login", new { email = BenchSeed.Email(0), password });
            login.EnsureSuccessStatusCode();
            var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
            client.DefaultRequestHeaders.Authorization = new("Bearer", token);

            string[] reads = ["/api/jobs?page=1", "/api/applications", "/api/matches", "/api/jobs?page=50", "/api/jobs?text=kafka"];
            for (var i = 0; i < 20; i++)
                foreach (var path in reads) await GetAsync(client, path);
            Console.WriteLine($"after 100 list reads: RSS {Memory(webProcess)}");
            clock.Restart();
            using var run = await client.PostAsJsonAsync("/api/matches/run", new { top = 50 });
            run.EnsureSuccessStatusCode();
            Console.WriteLine($"POST /api/matches/run (top 50 of {postings:N0}) took {clock.Elapsed.TotalSeconds:0.0} s; RSS {Memory(webProcess)}");
            foreach (var path in reads) await GetAsync(client, path);
            Console.WriteLine($"P8 after warming (lists, a match run): RSS {Memory(webProcess)} (target ≤ 400 MB)");

            Console.WriteLine($"wrk -t2 -c{connections} -d{seconds}s --latency on loopback, {rounds} rounds, alternating");
            Console.WriteLine("| round | endpoint | requests/s | p50 ms | p75 ms | p90 ms | p99 ms | vs hello | errors |");
            Console.WriteLine("|---:|---|---:|---:|---:|---:|---:|---:|---|");
            for (var round = 1; round <= rounds; round++)
            {
                var bare = await WrkAsync(wrk, $"http://127.0.0.1:{helloPort}/hello", null, seconds, connections);
                Print(round, "GET /hello (bare app)", bare, bare.Rate);
                foreach (var path in new[] { "/api/jobs?page=1", "/api/applications" })
                    Print(round, $"GET {path} (bearer)", await WrkAsync(wrk, $"http://127.0.0.1:{webPort}{path}", token, seconds, connections), bare.Rate);
                Console.WriteLine($"|  | load average {EndToEndRun.LoadAverage()}; web RSS {Memory(webProcess)} |  |  |  |  |  |  |  |");
            }
            Console.WriteLine($"P8 at the end: web RSS {Memory(webProcess)}; bare app RSS {Memory(helloProcess)}");
        }
        finally
        {
            Stop(webProcess);
            Stop(helloProcess);
        }
        return 0;
    }

    private static async Task GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        response.EnsureSuccessStatusCode();
    }

    private static int Arg(string[] args, int index, int fallback) =>
        args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;

    private static string? Wrk() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(d => Path.Combine(d, "wrk")).FirstOrDefault(File.Exists);

    /// <summary>A project built beside this one (same configuration): the bench references both so they are built with it.</summary>
    private static string Sibling(string project)
    {
        var own = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var dll = Path.Combine(own.Parent!.Parent!.FullName, project, own.Name, project + ".dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"{project} is not built beside the bench", dll);
    }

    private static string ServerGc(string dll)
    {
        var config = Path.ChangeExtension(dll, ".runtimeconfig.json");
        if (!File.Exists(config)) return "unknown";
        using var json = JsonDocument.Parse(File.ReadAllText(config));
        return json.RootElement.GetProperty("runtimeOptions").TryGetProperty("configProperties", out var p) &&
               p.TryGetProperty("System.GC.Server", out var server) ? server.ToString() : "default (off)";
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static Process Start(string dll, int port, string[] settings)
    {
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { dll, "--urls", $"http://127.0.0.1:{port}", "--environment", "Production" }.Concat(settings)) start.ArgumentList.Add(a);
        var process = Process.Start(start)!;
        // Drained so a chatty log never blocks the server on a full pipe; errors are shown, the rest dropped.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { } line) Console.Error.WriteLine($"[{Path.GetFileNameWithoutExtension(dll)}] {line}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static void Stop(Process process)
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }

    private static async Task ReadyAsync(HttpClient client, string path)
    {
        var until = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var response = await client.GetAsync(path);
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) when (until.Elapsed < TimeSpan.FromMinutes(3)) { }
            if (until.Elapsed > TimeSpan.FromMinutes(3)) throw new TimeoutException($"{client.BaseAddress}{path} did not answer");
            await Task.Delay(250);
        }
    }

    /// <summary>Resident memory now and at its peak, from /proc (Linux).</summary>
    private static string Memory(Process process)
    {
        var status = $"/proc/{process.Id}/status";
        if (!File.Exists(status)) return "n/a";
        var lines = File.ReadAllLines(status);
        string Mb(string key) => lines.FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal)) is { } l
            ? $"{long.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024} MB" : "?";
        return $"{Mb("VmRSS:")} (peak {Mb("VmHWM:")})";
    }

    private sealed record WrkResult(double Rate, double P50, double P75, double P90, double P99, string Errors);

    private static async Task<WrkResult> WrkAsync(string wrk, string url, string? token, int seconds, int connections)
    {
        var start = new ProcessStartInfo(wrk) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "-t2", $"-c{connections}", $"-d{seconds}s", "--latency" }) start.ArgumentList.Add(a);
        if (token is not null) { start.ArgumentList.Add("-H"); start.ArgumentList.Add($"Authorization: Bearer {token}"); }
        start.ArgumentList.Add(url);
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        var rate = double.Parse(RequestsPerSecond().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
        double At(string p) => Millis(Regex.Match(output, $@"^\s+{p}%\s+([\d.]+)(us|ms|s)\b", RegexOptions.Multiline));
        var errors = string.Join("; ", output.Split('\n').Where(l => l.Contains("Non-2xx", StringComparison.Ordinal) || l.Contains("Socket errors", StringComparison.Ordinal)).Select(l => l.Trim()));
        return new WrkResult(rate, At("50"), At("75"), At("90"), At("99"), errors);
    }

    private static double Millis(Match match)
    {
        var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch { "us" => value / 1000, "s" => value * 1000, _ => value };
    }

    private static void Print(int round, string name, WrkResult r, double bare) =>
        Console.WriteLine($"| {round} | {name} | {r.Rate:N0} | {r.P50:0.00} | {r.P75:0.00} | {r.P90:0.00} | {r.P99:0.00} | {r.Rate / bare:P0} | {r.Errors} |");

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RequestsPerSecond();
}
