using System.Diagnostics;
using System.Globalization;
using Jobsmith.Bench.Store;
using Jobsmith.Core.Applications;
using Jobsmith.Core.Applications.Approval;
using Jobsmith.Core.Data;
using Jobsmith.Core.Documents;
using Jobsmith.Core.Documents.Rendering;
using Jobsmith.Core.Matching;
using Jobsmith.Core.Matching.Store;
using Jobsmith.Rendering;
using Microsoft.Extensions.DependencyInjection;

namespace Jobsmith.Bench.EndToEnd;

/// <summary>
/// P6, the whole offline loop for one candidate: the shipped demo resume → N stored postings (default 100,000, grown from
/// the demo feed and imported as CSV files through the product's import into SQLite) → the top 50 matches by the
/// product's match run (<see cref="MatchRunner"/>, which stores them) → 10 complete drafts: the drafter's path
/// (<see cref="Approvals.PrepareAsync"/>: tailored resume, cover letter and form answers, checked and stored, the application
/// waiting for approval), then the resume as PDF and DOCX and the cover letter as PDF through the real renderer.
/// Target: match + drafts ≤ 5 s on 2 cores. Setup and ingest are reported apart; so is the browser's first start, as a
/// running host starts it once. After the timed run, the match run's parts are timed one by one to show where it goes.
/// Run: dotnet run -c Release --project bench/Jobsmith.Bench -- e2e [postings] [runs]
/// </summary>
internal static class EndToEndRun
{
    private const int Top = 50;
    private const int Drafts = 10;

    public static async Task<int> RunAsync(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
        var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2;
        Console.WriteLine($"load average before: {LoadAverage()}");
        var clock = Stopwatch.StartNew();
        await using var database = await BenchDatabase.CreateAsync(DatabaseProviders.Sqlite, s => s.AddDocumentRendering());
        var root = database.Host.Services;
        var userId = await BenchSeed.CandidateAsync(root, 0, BenchSeed.Password());
        Row("setup: database, candidate (register, resume upload, preferences)", clock);

        var seeded = await BenchSeed.PostingsAsync(root, count);
        Row($"ingest: {seeded.Rows:N0} rows as CSV files through the import → {seeded.Added:N0} stored, {seeded.Duplicates:N0} linked as duplicates " +
            $"({seeded.Rows / clock.Elapsed.TotalSeconds:N0} rows/s)", clock);

        _ = root.GetRequiredService<MatchingVectors>().Sif ?? throw new InvalidOperationException("No word vectors: run npm ci (scripts/setup.sh).");
        Row("word vectors loaded (once per process)", clock);
        await WarmRendererAsync(root);
        Row("browser started, first PDF printed (once per process)", clock);

        var timed = new List<double>();
        for (var run = 1; run <= runs; run++)
        {
            Console.WriteLine($"-- run {run} of {runs} (load average {LoadAverage()}){(run > 1 ? ": the next 50 matches, as a second run finds them" : "")}");
            var total = Stopwatch.StartNew();
            MatchRun matched;
            await using (var scope = root.CreateAsyncScope())
                matched = await scope.ServiceProvider.GetRequiredService<MatchRunner>().RunAsync(userId, Top, default);
            Row($"match: top {matched.Matches.Count} of {matched.Considered:N0} considered (stored, event published)", clock);

            var best = matched.Matches.OrderByDescending(m => m.Score).Take(Drafts).ToList();
            var prepared = 0;
            foreach (var match in best)
            {
                await using var scope = root.CreateAsyncScope();
                var application = await scope.ServiceProvider.GetRequiredService<Approvals>()
                    .PrepareAsync(userId, match.PostingId, ApplicationActor.Agent("drafter"), default);
                if (application?.State == ApplicationStates.AwaitingApproval) prepared++;
            }
            Row($"drafts: {prepared} applications awaiting approval (resume, cover letter, answers tailored, checked, stored)", clock);

            var (files, bytes, answers) = (0, 0L, 0);
            foreach (var match in best)
            {
                await using var scope = root.CreateAsyncScope();
                var sp = scope.ServiceProvider;
                var renderer = sp.GetRequiredService<IDocumentRenderer>();
                var documents = await sp.GetRequiredService<DocumentService>().LatestAsync(userId, match.PostingId, default);
                var resume = documents.Single(d => d.Kind == DocumentKinds.Resume);
                var letter = documents.Single(d => d.Kind == DocumentKinds.CoverLetter);
                answers += documents.Single(d => d.Kind == DocumentKinds.Answers).Lines.Count;
                foreach (var file in new[]
                {
                    await renderer.PdfAsync(resume, resume.Template, default),
                    await renderer.DocxAsync(resume, resume.Template, default),
                    await renderer.PdfAsync(letter, letter.Template, default),
                })
                    (files, bytes) = (files + 1, bytes + file.Content.Length);
            }
            Row($"render: {files} files (resume PDF + DOCX, cover letter PDF) for {best.Count} drafts, {bytes / 1024:N0} KB; {answers} form answer lines", clock);
            timed.Add(total.Elapsed.TotalSeconds);
            Console.WriteLine($"| **match + drafts, run {run}** | **{total.Elapsed.TotalSeconds:0.00}** | target ≤ 5 s |");
        }

        await BreakdownAsync(root, userId);
        Console.WriteLine($"match + drafts: {string.Join(" s, ", timed.Select(t => t.ToString("0.00", CultureInfo.InvariantCulture)))} s; load average after: {LoadAverage()}");
        return 0;
    }

    // The browser a host keeps warm: its first launch is paid once per process, not per draft.
    private static async Task WarmRendererAsync(IServiceProvider root)
    {
        var resume = await Documents.BenchResume.TailoredAsync();
        await root.GetRequiredService<IDocumentRenderer>().PdfAsync(resume, null, default);
    }

    /// <summary>The match run's parts, one by one, as a quick profile of where its time goes.</summary>
    private static async Task BreakdownAsync(IServiceProvider root, string userId)
    {
        Console.WriteLine("-- where the match run's time goes (its parts timed apart)");
        await using var scope = root.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var clock = Stopwatch.StartNew();
        var open = await sp.GetRequiredService<StoredPostingReader>().OpenAsync(default);
        Row($"read {open.Count:N0} open postings from the database", clock);
        var postings = open.Select(p => p.Posting).ToList();
        var index = PostingIndex.Build(postings, sp.GetRequiredService<MatchingVectors>().Sif);
        Row("build the ranking index (skills, BM25, vectors) — rebuilt on every match run", clock);
        var profile = CandidateMatchInputs.FromStoredResume(await sp.GetRequiredService<Jobsmith.Core.Profiles.Store.ProfileStore>().CurrentResumeAsync(userId, default));
        var outcome = new Matcher().Rank(profile, MatchPreferences.None, index, Top);
        Row($"rank with a built index (top {outcome.Results.Count})", clock);
    }

    private static void Row(string stage, Stopwatch clock)
    {
        Console.WriteLine($"| {stage} | {clock.Elapsed.TotalSeconds:0.00} |");
        clock.Restart();
    }

    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
