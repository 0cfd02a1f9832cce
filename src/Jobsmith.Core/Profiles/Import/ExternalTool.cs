using System.ComponentModel;
using System.Diagnostics;

namespace Jobsmith.Core.Profiles.Import;

internal sealed record ToolResult(int ExitCode, string StdOut, string StdErr);

/// <summary>Runs a command-line tool with an argument list (no shell, no quoting bugs) and a hard timeout.</summary>
internal static class ExternalTool
{
    public static async Task<ToolResult> RunAsync(string executable, IEnumerable<string> arguments, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);

        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            throw new ResumeImportException(ResumeImportError.ToolMissing,
                $"PDF import needs '{executable}' (poppler-utils), which is not installed on this server.", ex);
        }

        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        var stdout = process.StandardOutput.ReadToEndAsync(timeoutSource.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeoutSource.Token);
        try
        {
            await process.WaitForExitAsync(timeoutSource.Token);
            return new ToolResult(process.ExitCode, await stdout, await stderr);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            cancellationToken.ThrowIfCancellationRequested();
            throw new ResumeImportException(ResumeImportError.Timeout,
                $"Reading the PDF took longer than {timeout.TotalSeconds:0} seconds; the file may be malformed.");
        }
    }
}
