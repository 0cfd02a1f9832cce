using Jobsmith.Core.Applications.Submission;
using Microsoft.Extensions.DependencyInjection;

namespace Jobsmith.Cli.Commands;

/// <summary>`jobsmith apply --application ID [--dry-run]`: one stored application through the worker's runner.</summary>
internal static class ApplyApplicationCommand
{
    public static async Task<int> RunAsync(GlobalOptions global, Guid applicationId, bool dryRun, string folder, CancellationToken ct)
    {
        using var host = CliHost.Build(global);
        using var scope = await CliHost.MigratedScopeAsync(host, ct);
        CliOutput.Progress(dryRun ? $"filling application {applicationId} (dry run)…" : $"sending application {applicationId}…");
        var done = await scope.ServiceProvider.GetRequiredService<OperatorRun>().RunAsync(applicationId, dryRun, ct);
        if (done is null) return CliOutput.Error($"no such application: {applicationId}");

        var shots = new List<string>();
        if (done.Proof.Count > 0)
        {
            Directory.CreateDirectory(folder);
            foreach (var (view, content) in done.Proof)
            {
                var path = Path.Combine(folder, Path.GetFileName(view.FileName));
                await File.WriteAllBytesAsync(path, content, ct);
                shots.Add(path);
            }
            CliOutput.Progress($"proof saved in {folder}");
        }
        var report = new
        {
            application = applicationId,
            company = done.Company,
            title = done.Title,
            status = done.Run.Status,
            message = done.Run.Message,
            attempt = done.Run.AttemptId,
            state = done.State,
            screenshot = shots.LastOrDefault(),
            screenshots = shots,
            folder = shots.Count > 0 ? folder : null,
        };
        var line = $"{done.Run.Status}: {done.Title} at {done.Company}: {done.Run.Message} (application is {done.State.Replace('_', ' ')})";
        // A run that could not do what was asked (nothing found to send, or not allowed) is not a success for a script.
        var code = done.Run.Status is RunStatus.Sent or RunStatus.DryRun or RunStatus.Escalated or RunStatus.Held or RunStatus.Retrying
            ? CliOutput.Ok : CliOutput.Failure;
        CliOutput.Result(global, report, shots.Count > 0 ? $"{line}; proof in {folder}" : line);
        return code;
    }
}
