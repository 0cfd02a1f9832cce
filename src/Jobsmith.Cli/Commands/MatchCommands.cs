using System.CommandLine;
using System.Globalization;
using System.Text;
using Jobsmith.Core.Matching;
using Jobsmith.Core.Matching.Store;
using Jobsmith.Core.Profiles;
using Jobsmith.Core.Profiles.Import;
using Microsoft.Extensions.DependencyInjection;

namespace Jobsmith.Cli.Commands;

/// <summary>`jobsmith match --resume FILE [--top N]`: ranks the postings stored in the data folder for one resume (D2, M3).</summary>
internal static class MatchCommands
{
    public static Command Build()
    {
        var resume = new Option<FileInfo>("--resume") { Description = "A resume: .pdf, .docx, .txt, .md or JSON Resume .json", Required = true };
        var top = new Option<int>("--top") { Description = "How many postings to return (default 20)", DefaultValueFactory = _ => 20 };
        var match = new Command("match", "Rank the stored postings for a resume, with the reasons behind each score") { resume, top };
        match.SetAction(async (result, ct) =>
        {
            var global = GlobalOptions.From(result);
            var file = result.GetValue(resume)!;
            var topN = result.GetValue(top);
            if (topN < 1) return CliOutput.Error("--top must be at least 1");
            if (!file.Exists) return CliOutput.Error($"no such file: {file.FullName}");

            using var host = CliHost.Build(global);
            using var scope = await CliHost.MigratedScopeAsync(host, ct);
            var services = scope.ServiceProvider;
            MatchProfile profile;
            try
            {
                profile = MatchProfile.FromResume(await services.GetRequiredService<ProfileParser>().ParseFileAsync(file.FullName, ct));
            }
            catch (ResumeImportException ex)
            {
                return CliOutput.Error(ex.Message);
            }
            var postings = await services.GetRequiredService<StoredPostingReader>().OpenAsync(ct);
            if (postings.Count == 0) return CliOutput.Error("no open postings in the data folder: import some with `jobsmith jobs import`");

            // Progress starts only once the inputs are known good, so a bad-input run prints exactly one line.
            Progress($"parsed {file.Name}: {profile.Skills.Count} skills; indexing {postings.Count} postings…");
            var sif = services.GetRequiredService<MatchingVectors>().Sif;
            var index = PostingIndex.Build([.. postings.Select(p => p.Posting)], sif);
            var ids = postings.ToDictionary(p => p.Posting.Key, p => p.Id, StringComparer.Ordinal);
            var outcome = services.GetRequiredService<Matcher>().Rank(profile, MatchPreferences.None, index, topN);
            Progress($"ranked {outcome.Considered} postings{(sif is null ? " (no word vectors: lexical and structured signals only)" : "")}");
            var rows = outcome.Results.Select(r => new RankedPosting(ids[r.Posting.Key], r.Posting.ExternalId, r.Score, MatchReasons.From(r))).ToArray();
            return CliOutput.Result(global, rows, Table(outcome.Results));
        });
        return match;
    }

    private static string Table(IReadOnlyList<MatchResult> results)
    {
        if (results.Count == 0) return "no posting passed the filters";
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{"score",5}  {"title",-44}  {"company",-24}  matched skills");
        foreach (var r in results)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"{r.Score,5}  {Clip(r.Posting.Title, 44),-44}  {Clip(r.Posting.Company, 24),-24}  {string.Join(", ", r.MatchedSkills.Take(6))}");
        }
        return text.ToString().TrimEnd();
    }

    private static string Clip(string value, int length) => value.Length <= length ? value : value[..(length - 1)] + "…";

    // Progress goes to stderr so --json output on stdout stays machine-readable.
    private static void Progress(string line) => Console.Error.WriteLine(line);
}
