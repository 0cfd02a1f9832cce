using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Jobsmith.Tests.TestSupport;

namespace Jobsmith.Web.Tests.ScaleOut;

/// <summary>
/// The built web host started as its own OS process (not in the test's process), as a deployment runs it: scale-out
/// is about separate processes sharing only PostgreSQL and the data folder.
/// </summary>
internal sealed class NodeProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];

    private NodeProcess(Process process, int port)
    {
        _process = process;
        Port = port;
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
    }

    public int Port { get; }
    public Uri BaseAddress { get; }

    public string Output { get { lock (_output) return string.Join('\n', _output.TakeLast(60)); } }

    /// <summary>Jobsmith.Web.dll as the build leaves it: artifacts/bin/Jobsmith.Web/&lt;configuration&gt;.</summary>
    public static string WebHostDll()
    {
        var testFolder = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var dll = Path.Combine(testFolder.Parent!.Parent!.FullName, "Jobsmith.Web", testFolder.Name, "Jobsmith.Web.dll");
        Infrastructure.Require(File.Exists(dll), $"the built web host was not found at {dll}: build the solution first");
        return dll;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static NodeProcess Start(IReadOnlyDictionary<string, string?> settings, int? port = null)
    {
        var dll = WebHostDll();
        var chosen = port ?? FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            // One working folder (the content root) for every node: data protection tells apps apart by it.
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // Development reads the build's static web assets manifest: the build output has no wwwroot of its own.
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add($"--urls=http://127.0.0.1:{chosen}");
        foreach (var (key, value) in settings)
            start.Environment["JOBSMITH__" + key.Replace(":", "__", StringComparison.Ordinal)] = value ?? "";
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var node = new NodeProcess(process, chosen);
        process.OutputDataReceived += (_, e) => node.Record(e.Data);
        process.ErrorDataReceived += (_, e) => node.Record(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return node;
    }

    /// <summary>Waits until /readyz answers 200 (migrations applied, database reachable).</summary>
    public async Task WaitReadyAsync(TimeSpan timeout)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < timeout)
        {
            if (_process.HasExited) throw new InvalidOperationException($"node on port {Port} exited ({_process.ExitCode}):\n{Output}");
            try
            {
                using var response = await client.GetAsync(new Uri("/readyz", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }
            await Task.Delay(250);
        }
        throw new TimeoutException($"node on port {Port} was not ready after {timeout}:\n{Output}");
    }

    /// <summary>SIGKILL: no shutdown hooks, no finishing the job at hand — a crashed machine.</summary>
    public void Kill()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit(10_000);
    }

    private void Record(string? line)
    {
        if (line is null) return;
        lock (_output) _output.Add(line);
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }
}
