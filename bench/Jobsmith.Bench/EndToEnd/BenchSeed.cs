using System.Security.Cryptography;
using System.Text;
using Jobsmith.Core.Accounts;
using Jobsmith.Core.Jobs.Import;
using Jobsmith.Core.Orchestration.Demo;
using Jobsmith.Core.Profiles.Preferences;
using Jobsmith.Core.Profiles.Store;
using Microsoft.Extensions.DependencyInjection;

namespace Jobsmith.Bench.EndToEnd;

/// <summary>What the import stored: rows sent, postings added, rows linked as duplicates of another.</summary>
internal sealed record SeedSummary(int Rows, int Added, int Duplicates);

/// <summary>
/// Fills a database the way the product does (P5, P6, P8): postings through the file import a candidate or operator
/// uses, candidates through registration, resume upload and preferences — no rows written behind the use cases' backs.
/// </summary>
internal static class BenchSeed
{
    /// <summary>Rows per imported file: a large upload, and small enough that one file's ingest holds little memory.</summary>
    public const int RowsPerFile = 5_000;

    public static async Task<SeedSummary> PostingsAsync(IServiceProvider root, int count, Action<int>? progress = null)
    {
        var (rows, added, duplicates) = (0, 0, 0);
        foreach (var file in DemoFeed.Files(count, RowsPerFile))
        {
            await using var scope = root.CreateAsyncScope();
            var summary = await scope.ServiceProvider.GetRequiredService<PostingImport>().FromFileAsync("bench-feed.csv", file, "csv", default);
            if (summary.Errors.Count > 0) throw new InvalidOperationException("The generated feed was refused: " + string.Join("; ", summary.Errors.Take(3)));
            (rows, added, duplicates) = (rows + summary.Fetched, added + summary.Added, duplicates + summary.Duplicates);
            progress?.Invoke(rows);
        }
        return new SeedSummary(rows, added, duplicates);
    }

    public static string Email(int candidate) => $"candidate{candidate:D4}@bench.example";

    /// <summary>One candidate signed up with the demo resume under their own name, ready to match (as the demo's is).</summary>
    public static async Task<string> CandidateAsync(IServiceProvider root, int candidate, string password)
    {
        await using var scope = root.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var user = await sp.GetRequiredService<AccountService>().RegisterAsync(Email(candidate), password, $"Candidate {candidate}", default);
        var resume = Encoding.UTF8.GetString(DemoData.Resume())
            .Replace("Mara Lindqvist", $"Mara Lindqvist {candidate}", StringComparison.Ordinal)
            .Replace("mara.lindqvist@example.com", Email(candidate), StringComparison.Ordinal);
        var uploaded = await sp.GetRequiredService<ResumeUploads>().UploadAsync(user.Id, Encoding.UTF8.GetBytes(resume), "resume.txt", "text/plain", default);
        if (!uploaded.Parsed) throw new InvalidOperationException($"The bench resume did not parse: {uploaded.Error}");
        var errors = await sp.GetRequiredService<PreferencesService>().UpdateAsync(user.Id,
            v => v with { Titles = ["Senior Backend Engineer"], RemotePreference = "any" }, default);
        if (errors.Count > 0) throw new InvalidOperationException("The bench preferences were refused: " + string.Join(" ", errors.Values.SelectMany(e => e)));
        return user.Id;
    }

    /// <summary>A password nobody needs to remember, strong enough for the registration rules.</summary>
    public static string Password() => "Bench-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(12));
}
