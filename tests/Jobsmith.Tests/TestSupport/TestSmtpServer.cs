using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using MimeKit;

namespace Jobsmith.Tests.TestSupport;

/// <summary>One message the test SMTP server accepted: the envelope and the exact bytes after DATA.</summary>
public sealed record ReceivedMail(string MailFrom, IReadOnlyList<string> Recipients, byte[] Raw)
{
    public MimeMessage Parse() => MimeMessage.Load(new MemoryStream(Raw));
}

/// <summary>
/// The real SMTP server of the tests (aiosmtpd, scripts/smtp-sink.py) on loopback. The shared one is started by
/// scripts/services.sh (<c>JOBSMITH_TEST_SMTP</c>, <c>JOBSMITH_TEST_SMTP_FOLDER</c>); a test that needs the server
/// down first starts its own on a port of its choosing. Without the services the test is skipped, under CI it fails.
/// It refuses recipients at <c>reject.invalid</c>.
/// </summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    public const string Variable = "JOBSMITH_TEST_SMTP";
    public const string FolderVariable = "JOBSMITH_TEST_SMTP_FOLDER";

    private readonly Process? _process;

    private TestSmtpServer(string host, int port, string folder, Process? process)
    {
        Host = host;
        Port = port;
        Folder = folder;
        _process = process;
    }

    public string Host { get; }
    public int Port { get; }
    public string Folder { get; }

    /// <summary>The server scripts/services.sh started, shared by all tests (each matches its own unique recipient).</summary>
    public static TestSmtpServer Shared()
    {
        var address = Environment.GetEnvironmentVariable(Variable);
        var folder = Environment.GetEnvironmentVariable(FolderVariable);
        Infrastructure.Require(!string.IsNullOrEmpty(address) && !string.IsNullOrEmpty(folder),
            $"no test SMTP server ({Variable}); run `eval \"$(scripts/services.sh start)\"` first");
        var colon = address!.LastIndexOf(':');
        return new(address[..colon], int.Parse(address[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture), folder!, null);
    }

    /// <summary>A server of this test's own on <paramref name="port"/>, stopped when disposed.</summary>
    public static async Task<TestSmtpServer> StartAsync(int port)
    {
        Shared(); // the same requirement: python3-aiosmtpd is there when the services run
        var script = Path.Combine(RepositoryRoot.Find() ?? throw new InvalidOperationException("no checkout above the test binaries"), "scripts", "smtp-sink.py");
        var folder = Directory.CreateTempSubdirectory("jobsmith-smtp-").FullName;
        var start = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[] { script, "--host", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--folder", folder })
            start.ArgumentList.Add(arg);
        var process = Process.Start(start)!;
        var server = new TestSmtpServer("127.0.0.1", port, folder, process);
        var waited = Stopwatch.StartNew();
        while (!await server.ListeningAsync())
        {
            if (process.HasExited || waited.Elapsed > TimeSpan.FromSeconds(20))
                throw new InvalidOperationException($"the test SMTP server did not start: {await process.StandardError.ReadToEndAsync()}");
            await Task.Delay(50);
        }
        return server;
    }

    /// <summary>A loopback port that nothing listens on right now.</summary>
    public static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    /// <summary>Every message received so far (in arrival order) with <paramref name="recipient"/> in its envelope.</summary>
    public IReadOnlyList<ReceivedMail> MailTo(string recipient) =>
        [.. Directory.Exists(Folder)
            ? Directory.GetFiles(Folder, "*.eml").Order(StringComparer.Ordinal).Select(Read)
                .Where(m => m.Recipients.Contains(recipient, StringComparer.OrdinalIgnoreCase))
            : []];

    public async Task<ReceivedMail> WaitForMailToAsync(string recipient, int timeoutSeconds = 20)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            if (MailTo(recipient) is [var mail, ..]) return mail;
            Assert.True(waited.Elapsed.TotalSeconds < timeoutSeconds, $"no mail to {recipient} within {timeoutSeconds} s");
            await Task.Delay(50);
        }
    }

    private static ReceivedMail Read(string eml)
    {
        using var envelope = JsonDocument.Parse(File.ReadAllBytes(Path.ChangeExtension(eml, ".json")));
        return new(envelope.RootElement.GetProperty("mail_from").GetString() ?? "",
            [.. envelope.RootElement.GetProperty("rcpt_tos").EnumerateArray().Select(r => r.GetString() ?? "")],
            File.ReadAllBytes(eml));
    }

    private async Task<bool> ListeningAsync()
    {
        using var probe = new TcpClient();
        try { await probe.ConnectAsync(Host, Port); return true; }
        catch (SocketException) { return false; }
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is null) return;
        if (!_process.HasExited) _process.Kill();
        await _process.WaitForExitAsync();
        _process.Dispose();
        Directory.Delete(Folder, recursive: true);
    }
}
