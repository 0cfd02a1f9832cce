using System.CommandLine;
using System.Globalization;
using System.Text;
using Jobsmith.Core;
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
            CliOutput.Progress($"parsed {file.Name}: {profile.Skills.Count} skills; indexing {postings.Count} postings…");
            var vectors = services.GetRequiredService<MatchingVectors>();
            var sif = vectors.Sif;
            var index = PostingIndex.Build([.. postings.Select(p => p.Posting)], sif);
            var ids = postings.ToDictionary(p => p.Posting.Key, p => p.Id, StringComparer.Ordinal);
            var outcome = services.GetRequiredService<Matcher>().Rank(profile, MatchPreferences.None, index, topN);
            CliOutput.Progress(sif is null
                ? $"ranked {outcome.Considered} postings without word vectors"
                : $"ranked {outcome.Considered} postings with word vectors ({sif.Vectors.Count} words)");
            var rows = outcome.Results.Select(r => new RankedPosting(ids[r.Posting.Key], r.Posting.ExternalId, r.Score, MatchReasons.From(r))).ToArray();
            // Missing vectors change the ranking, so the notice goes with the results too, not only into the log.
            var table = Table(outcome.Results);
            return CliOutput.Result(global, rows, vectors.MissingNotice is { } notice ? $"{table}{Environment.NewLine}warning: {notice}" : table);
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
                $"{r.Score,5}  {r.Posting.Title.Truncate(44, ellipsis: true),-44}  {r.Posting.Company.Truncate(24, ellipsis: true),-24}  {string.Join(", ", r.MatchedSkills.Take(6))}");
        }
        return text.ToString().TrimEnd();
    }
}
