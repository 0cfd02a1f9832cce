using System.Text.Json;
using Jobsmith.Core.Matching;
using Jobsmith.Tests.TestSupport;

namespace Jobsmith.Tests.Matching.Cli;

/// <summary>
/// `jobsmith match` from an install outside the source tree, started from yet another working directory: the word
/// vectors come from beside the binaries (where a publish puts them), and their absence is said in the results.
/// </summary>
public sealed class MatchVectorsCliTests : IDisposable
{
    private const string Resume = "Jane Doe\nBackend Engineer\n\nSKILLS\nPython, Go, PostgreSQL, Kubernetes, Docker, AWS\n";

    private const string Postings = """
        external_id,title,company,location,url,description
        be-1,Backend Engineer,Acme,Berlin,https://acme.example/jobs/1,"We build services in Python and Go on PostgreSQL and Kubernetes."
        pc-2,Pastry Chef,Bakery,Paris,https://bakery.example/jobs/2,Croissants and bread at dawn.
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("jobsmith-vectors-cli-").FullName;
    private string Install => Path.Combine(_folder, "install");
    private string Elsewhere => Path.Combine(_folder, "elsewhere");

    [SkippableFact]
    public async Task An_install_elsewhere_uses_the_vectors_beside_its_binaries_from_any_working_directory()
    {
        MatchingData.RequireVectors();
        var source = new MatchingOptions().ResolveVectorsSource()!;
        MakeInstall();
        Directory.CreateDirectory(Path.Combine(Install, "vectors"));
        File.CreateSymbolicLink(Path.Combine(Install, MatchingOptions.InstalledVectorsRelativePath), source);
        var data = await ImportAsync();
        // The converted cache the other matching tests built, so this test does not convert 300 MB again.
        Directory.CreateDirectory(Path.GetDirectoryName(MatchingOptions.CachePath(data))!);
        File.Copy(MatchingData.CachePath, MatchingOptions.CachePath(data));

        var match = await CliRunner.RunDllAsync(Path.Combine(Install, "jobsmith.dll"), Elsewhere, null, "match", "--resume", "resume.txt", "--data-dir", data);

        Assert.True(match.ExitCode == 0, match.StdErr);
        Assert.Contains("with word vectors", match.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("not found", match.StdErr + match.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_vectors_are_a_warning_in_the_results_and_the_log_in_text_or_json()
    {
        MakeInstall();
        var data = await ImportAsync();
        var dll = Path.Combine(Install, "jobsmith.dll");

        var table = await CliRunner.RunDllAsync(dll, Elsewhere, null, "match", "--resume", "resume.txt", "--data-dir", data);
        var json = await CliRunner.RunDllAsync(dll, Elsewhere, null, "match", "--resume", "resume.txt", "--data-dir", data, "--json", "--log-format", "json");

        Assert.True(table.ExitCode == 0, table.StdErr);
        Assert.Contains("warning: word vectors not found", table.StdOut, StringComparison.Ordinal);
        Assert.Contains("ranked 2 postings without word vectors", table.StdErr, StringComparison.Ordinal);
        var logLine = Assert.Single(table.StdErr.Split('\n'), l => l.StartsWith("warn: ", StringComparison.Ordinal));
        Assert.Contains(Path.Combine(Install, MatchingOptions.InstalledVectorsRelativePath), logLine, StringComparison.Ordinal);

        Assert.True(json.ExitCode == 0, json.StdErr);
        Assert.Equal(2, JsonDocument.Parse(json.StdOut).RootElement.GetArrayLength());
        var logs = json.StdErr.Split('\n').Where(l => l.StartsWith('{')).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Contains(logs, l => l.GetProperty("LogLevel").GetString() == "Warning"
            && l.GetProperty("Message").GetString()!.Contains("Word vectors not found", StringComparison.Ordinal));
    }

    /// <summary>A copy of jobsmith.dll outside the repository, its dependencies linked beside it.</summary>
    private void MakeInstall()
    {
        Directory.CreateDirectory(Install);
        Directory.CreateDirectory(Elsewhere);
        File.WriteAllText(Path.Combine(Elsewhere, "resume.txt"), Resume);
        File.WriteAllText(Path.Combine(Elsewhere, "postings.csv"), Postings);
        var built = new DirectoryInfo(AppContext.BaseDirectory);
        foreach (var file in built.GetFiles())
        {
            var target = Path.Combine(Install, file.Name);
            // The host resolves links of the app itself, so the app is a real copy; its dependencies can be links.
            if (file.Name.StartsWith("jobsmith.", StringComparison.Ordinal)) file.CopyTo(target);
            else File.CreateSymbolicLink(target, file.FullName);
        }
        foreach (var dir in built.GetDirectories()) Directory.CreateSymbolicLink(Path.Combine(Install, dir.Name), dir.FullName);
    }

    private async Task<string> ImportAsync()
    {
        var data = Path.Combine(_folder, "data");
        var import = await CliRunner.RunDllAsync(Path.Combine(Install, "jobsmith.dll"), Elsewhere, null, "jobs", "import", "postings.csv", "--source", "csv", "--data-dir", data);
        Assert.True(import.ExitCode == 0, import.StdErr);
        return data;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
