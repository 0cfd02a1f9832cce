using System.CommandLine;
using System.Globalization;
using System.Text;
using Jobsmith.Core;
using Jobsmith.Core.Orchestration.Demo;
using Microsoft.Extensions.DependencyInjection;

namespace Jobsmith.Cli.Commands;

/// <summary>
/// `jobsmith demo [--keep]`: the first run without a browser (K3, M3) — a demo candidate, the shipped demo feed, their
/// agent matching and drafting, approval and sending — with the embedded defaults on a fresh data folder of its own, so
/// it never touches the real one, a configured PostgreSQL, SMTP server or language model. Progress per stage on
/// stderr, a summary of each stage at the end.
/// </summary>
internal static class DemoCommand
{
    public static Command Build()
    {
        var keep = new Option<bool>("--keep") { Description = "Keep the demo's data folder (its database and outbox) and print where it is" };
        var demo = new Command("demo", "Run the whole loop on demo data in a temporary data folder: resume, postings, matches, drafts, approval, sending") { keep };
        demo.SetAction(async (result, ct) =>
        {
            var global = GlobalOptions.From(result);
            // --data-dir names the folder to use (it must not hold a demo already); without it, a temporary one.
            var given = result.GetValue(GlobalOptions.DataDir) is { Length: > 0 };
            var folder = given ? global.DataDirectory : Path.Combine(Path.GetTempPath(), $"jobsmith-demo-{Guid.NewGuid():N}");
            var keepFolder = given || result.GetValue(keep);
            // The embedded defaults whatever is configured: its own SQLite file, mail and texts to the outbox folders
            // (the demo's employers are fictional), the deterministic engines instead of a language model.
            var settings = new Dictionary<string, string?>
            {
                ["Database:Provider"] = "sqlite", ["Database:ConnectionString"] = null, ["Email:SmtpHost"] = null,
                ["Sms:TwilioAccountSid"] = null, ["Ai:Provider"] = "None",
            };
            try
            {
                using var host = CliHost.Build(global with { DataDirectory = folder }, settings);
                using (await CliHost.MigratedScopeAsync(host, ct)) { }
                CliOutput.Progress($"demo data folder: {folder}");
                var summary = await host.Services.GetRequiredService<DemoRun>().RunAsync(new DemoProgressBars(), ct);
                var text = Summary(summary);
                if (keepFolder) text += $"{Environment.NewLine}data folder kept: {folder} (emails in {Path.Combine(folder, "outbox")})";
                return CliOutput.Result(global, new { summary.Email, summary.Stages, summary.Matches, summary.Sends, folder = keepFolder ? folder : null }, text);
            }
            finally
            {
                if (!keepFolder && Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
            }
        });
        return demo;
    }

    private static string Summary(DemoSummary summary)
    {
        var text = new StringBuilder();
        foreach (var stage in summary.Stages)
            text.AppendLine(CultureInfo.InvariantCulture, $"{stage.Name,-9} {stage.Took.TotalSeconds,6:0.0} s  {stage.Summary}");
        text.AppendLine();
        text.AppendLine("best matches:");
        foreach (var match in summary.Matches.Take(5))
            text.AppendLine(CultureInfo.InvariantCulture, $"  {match.Score,3}  {match.Title.Truncate(46, ellipsis: true),-46}  {match.Company}");
        text.AppendLine();
        text.AppendLine("applications:");
        foreach (var send in summary.Sends)
            text.AppendLine(CultureInfo.InvariantCulture, $"  {send.Status,-9} {send.Channel.Replace('_', ' '),-12} {send.Title.Truncate(40, ellipsis: true)} at {send.Company}: {send.Message}");
        return text.ToString().TrimEnd();
    }

    /// <summary>One progress bar per stage that counts (events, approvals, sends); a stage's closing line otherwise.</summary>
    private sealed class DemoProgressBars : IProgress<DemoProgress>
    {
        private ProgressBar? _bar;
        private string? _stage;

        public void Report(DemoProgress value)
        {
            if (value.Done)
            {
                _bar?.Finish();
                (_bar, _stage) = (null, null);
                CliOutput.Progress($"{value.Stage}: {value.Text}");
                return;
            }
            if (_stage != value.Stage || _bar is null)
            {
                _bar?.Finish();
                (_bar, _stage) = (new ProgressBar(value.Stage, value.Total), value.Stage);
            }
            _bar.Resize(value.Total);
            _bar.Report(value.Current);
        }
    }
}
