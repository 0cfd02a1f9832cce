using System.Diagnostics;
using System.Net.Sockets;
using Jobsmith.Tests.TestSupport;

namespace Jobsmith.Web.Tests.ScaleOut;

/// <summary>The system's nginx on a free loopback port, from a configuration written into a temp folder.</summary>
internal sealed class NginxProxy : IAsyncDisposable
{
    public const string ExecutablePath = "/usr/sbin/nginx";

    private readonly Process _process;
    private readonly string _folder;

    private NginxProxy(Process process, string folder, int port)
    {
        _process = process;
        _folder = folder;
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
    }

    public Uri BaseAddress { get; }

    /// <summary>Starts nginx with <paramref name="servers"/>: the body of its http block, given the listening port.</summary>
    public static async Task<NginxProxy> StartAsync(Func<int, string> servers)
    {
        Infrastructure.Require(File.Exists(ExecutablePath), $"nginx not found at {ExecutablePath}: run scripts/setup.sh --test");
        var folder = Path.Combine(Path.GetTempPath(), "jobsmith-nginx-" + Guid.NewGuid().ToString("N")[..12]);
        var temp = Directory.CreateDirectory(Path.Combine(folder, "temp")).FullName;
        // Run as root, nginx's workers switch to an unprivileged user that must still write its temp files here.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(folder, (UnixFileMode)0b111_101_101);
            File.SetUnixFileMode(temp, (UnixFileMode)0b111_111_111);
        }
        var port = NodeProcess.FreePort();
        var config = Path.Combine(folder, "nginx.conf");
        await File.WriteAllTextAsync(config, $$"""
            daemon off;
            worker_processes 1;
            pid {{folder}}/nginx.pid;
            error_log {{folder}}/error.log warn;
            events {}
            http {
                access_log off;
                client_body_temp_path {{temp}}/body;
                proxy_temp_path {{temp}}/proxy;
                fastcgi_temp_path {{temp}}/fastcgi;
                uwsgi_temp_path {{temp}}/uwsgi;
                scgi_temp_path {{temp}}/scgi;
            {{servers(port)}}
            }
            """);
        var start = new ProcessStartInfo(ExecutablePath) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[] { "-p", folder, "-c", config, "-e", Path.Combine(folder, "error.log") }) start.ArgumentList.Add(arg);
        var process = Process.Start(start) ?? throw new InvalidOperationException("nginx did not start");
        var proxy = new NginxProxy(process, folder, port);
        for (var i = 0; i < 100; i++)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"nginx exited: {await process.StandardError.ReadToEndAsync()} {proxy.ErrorLog()}");
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync("127.0.0.1", port);
                return proxy;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }
        await proxy.DisposeAsync();
        throw new TimeoutException("nginx did not listen within 10 s");
    }

    public string ErrorLog()
    {
        var path = Path.Combine(_folder, "error.log");
        return File.Exists(path) ? File.ReadAllText(path) : "";
    }

    public ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit(10_000);
        _process.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A worker still closing a temp file; the temp folder is cleaned by the system.
        }
        return ValueTask.CompletedTask;
    }
}
