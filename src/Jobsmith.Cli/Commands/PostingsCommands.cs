using System.CommandLine;
using Jobsmith.Core.Jobs.Fetching;
using Jobsmith.Core.Jobs.Sources;
using Jobsmith.Core.Jobs.Store;

namespace Jobsmith.Cli.Commands;

internal static class PostingsCommands
{
    public static Command Build()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "A posting as text, Markdown or HTML" };
        var analyze = new Command("analyze", "Extract the skills (with character offsets), seniority, salary, remote and employment type of a posting") { file };
        analyze.SetAction(async (result, ct) =>
        {
            var global = GlobalOptions.From(result);
            var path = result.GetValue(file)!;
            if (!path.Exists) return CliOutput.Error($"no such file: {path.FullName}");
            var text = await File.ReadAllTextAsync(path.FullName, ct);
            // The paste source reads the title line and "Salary:"-style fields; it needs no network for text already in hand.
            using var fetcher = new SafeHttpFetcher(new FetcherOptions(), TimeProvider.System);
            var parsed = new PasteSource(fetcher).Parse(text, null).Postings is [var posting, ..] ? posting : null;
            var analysis = PostingAnalyzer.Analyze(text, parsed);
            return CliOutput.Result(global, analysis,
                $"{analysis.Skills.Count} skills ({string.Join(", ", analysis.Skills.Select(s => s.Canonical).Distinct().Take(12))}); "
                + $"seniority {analysis.Seniority}; remote {analysis.Remote}; employment {analysis.EmploymentType}; salary {analysis.Salary?.ToString() ?? "not stated"}");
        });
        return new Command("postings", "Job posting analysis") { analyze };
    }
}
