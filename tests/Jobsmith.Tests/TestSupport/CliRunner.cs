using System.Diagnostics;

namespace Jobsmith.Tests.TestSupport;

public sealed record CliResult(int ExitCode, string StdOut, string StdErr);

/// <summary>Runs the real `jobsmith` binary (copied next to the tests) as a separate process.</summary>
public static class CliRunner
{
    public static Task<CliResult> RunAsync(string workingDirectory, string? stdin, params string[] args) =>
        RunDllAsync(Path.Combine(AppContext.BaseDirectory, "jobsmith.dll"), workingDirectory, stdin, args);

    /// <summary>Runs a `jobsmith.dll` from another folder, such as an install outside the repository.</summary>
    public static async Task<CliResult> RunDllAsync(string dll, string workingDirectory, string? stdin, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        if (stdin is not null) await process.StandardInput.WriteLineAsync(stdin);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        // Generous: on a loaded 2-core machine a cold start of the CLI alone can take tens of seconds.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(180));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"jobsmith {string.Join(' ', args)} did not finish within 180 s");
        }
        return new CliResult(process.ExitCode, await stdout, await stderr);
    }
}
