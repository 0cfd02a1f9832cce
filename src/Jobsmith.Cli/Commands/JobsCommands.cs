using System.CommandLine;
using System.Diagnostics;
using Jobsmith.Core.Jobs;
using Jobsmith.Core.Jobs.Sources;
using Jobsmith.Core.Jobs.Fetching;
using Jobsmith.Core.Jobs.Store;
using Microsoft.Extensions.DependencyInjection;

namespace Jobsmith.Cli.Commands;

internal static class JobsCommands
{
    public static Command Build() => new("jobs", "Job postings: import and de-duplication") { Import(), Duplicates() };

    private static Command Import()
    {
        var target = new Argument<string>("PATH_OR_URL") { Description = "A file, a folder of files, or an http(s) URL" };
        var source = new Option<string>("--source") { Description = "Source kind: ashby, greenhouse, lever, workable, jsonld, rss, csv, jsonresume-job, …", Required = true };
        var import = new Command("import", "Ingest postings and store them (re-importing updates, never duplicates)") { target, source };
        import.SetAction(async (result, ct) =>
        {
            var global = GlobalOptions.From(result);
            var kind = result.GetValue(source)!;
            var where = result.GetValue(target)!;
            var isUrl = Uri.TryCreate(where, UriKind.Absolute, out var url) && url.Scheme is "http" or "https";
            if (!isUrl && !File.Exists(where) && !Directory.Exists(where)) return CliOutput.Error($"no such file or folder: {where}");

            using var host = CliHost.Build(global);
            using var scope = await CliHost.MigratedScopeAsync(host, ct);
            var services = scope.ServiceProvider;
            var ingestion = services.GetRequiredService<JobIngestion>();
            var clock = Stopwatch.StartNew();
            IngestionResult ingested;
            try
            {
                services.GetRequiredService<JobSourceCatalog>().Get(kind);
                CliOutput.Progress(isUrl ? $"fetching {where} with the {kind} source…" : $"reading {where} with the {kind} source…");
                ingested = isUrl
                    ? await ingestion.FetchAsync(kind, new JobSourceQuery(where), ct)
                    : await ingestion.ImportPathAsync(kind, where, ct);
            }
            catch (ArgumentException ex)
            {
                return CliOutput.Error(ex.Message);
            }
            CliOutput.Progress($"parsed {ingested.Batch.Postings.Count} postings ({ingested.Batch.Errors.Count} rejected) in {clock.Elapsed.TotalSeconds:0.0}s; saving…");
            var bar = new ProgressBar("saving", ingested.Batch.Postings.Count);
            var summary = await services.GetRequiredService<JobIngestionStore>().SaveAsync(ingested, ct, progress: bar);
            bar.Finish();
            CliOutput.Progress($"saved in {clock.Elapsed.TotalSeconds:0.0}s");
            CliOutput.Result(global, summary,
                $"{summary.Fetched} fetched: {summary.Added} added, {summary.Updated} updated, {summary.Duplicates} duplicates, {summary.Rejected} rejected"
                + string.Concat(summary.Errors.Select(e => $"{Environment.NewLine}  rejected: {e}")));
            return ExitCode(summary, isUrl ? where : null);
        });
        return import;
    }

    // Nothing stored and something went wrong is a failed import, not a success: bad input (an unusable file, a
    // refused address) is 2 per the CLI contract; a source that could not be reached is 1.
    private static int ExitCode(ImportSummary summary, string? url)
    {
        if (summary.Added + summary.Updated > 0 || summary.Errors.Count == 0) return CliOutput.Ok;
        if (url is null || TargetPolicy.Problem(url, allowLoopback: false) is not null)
            return CliOutput.Error($"nothing was imported: {summary.Errors[0]}");
        return CliOutput.Error($"nothing was imported: {summary.Errors[0]}", CliOutput.Failure);
    }

    private static Command Duplicates()
    {
        var duplicates = new Command("duplicates", "List duplicate groups as external ids, canonical posting first");
        duplicates.SetAction(async (result, ct) =>
        {
            var global = GlobalOptions.From(result);
            using var host = CliHost.Build(global);
            using var scope = await CliHost.MigratedScopeAsync(host, ct);
            var groups = await scope.ServiceProvider.GetRequiredService<JobQueries>().DuplicateGroupsAsync(ct);
            return CliOutput.Result(global, groups,
                groups.Count == 0 ? "no duplicate groups" : string.Join(Environment.NewLine, groups.Select(g => string.Join("  =  ", g))));
        });
        return duplicates;
    }
}
