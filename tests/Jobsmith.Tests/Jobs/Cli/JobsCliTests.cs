using System.Text.Json;
using Jobsmith.Tests.TestSupport;

namespace Jobsmith.Tests.Jobs.Cli;

/// <summary>The CLI contract for jobs and postings, through the real binary.</summary>
public sealed class JobsCliTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("jobsmith-jobs-cli-").FullName;

    [SkippableFact]
    public async Task Importing_the_ashby_folder_twice_adds_then_updates()
    {
        var ashby = SharedData.Require("jobs", "ashby");

        var first = await CliRunner.RunAsync(_folder, null, "jobs", "import", ashby, "--source", "ashby", "--json", "--data-dir", "data");
        var second = await CliRunner.RunAsync(_folder, null, "jobs", "import", ashby, "--source", "ashby", "--json", "--data-dir", "data");

        Assert.True(first.ExitCode == 0, first.StdErr);
        Assert.Equal((404, 404, 0, 0, 0, 0), Counts(first.StdOut));
        Assert.Equal((404, 0, 404, 0, 0, 0), Counts(second.StdOut));
        Assert.Contains("saving", first.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_import_that_stores_nothing_because_every_target_failed_exits_non_zero()
    {
        var broken = Path.Combine(_folder, "broken.json");
        await File.WriteAllTextAsync(broken, "{\"jobs\": [{\"title\": 5}");

        var refused = await CliRunner.RunAsync(_folder, null, "jobs", "import", "http://169.254.169.254/latest/jobs", "--source", "jsonld", "--json", "--data-dir", "data");
        var unreadable = await CliRunner.RunAsync(_folder, null, "jobs", "import", broken, "--source", "ashby", "--json", "--data-dir", "data");

        Assert.True(refused.ExitCode == 2, $"refused URL exited {refused.ExitCode}: {refused.StdErr}");
        Assert.Contains("nothing was imported", refused.StdErr, StringComparison.Ordinal);
        Assert.True(unreadable.ExitCode == 2, $"unreadable file exited {unreadable.ExitCode}: {unreadable.StdErr}");
        // The summary is still printed for scripts that read it.
        Assert.Equal(0, JsonDocument.Parse(refused.StdOut).RootElement.GetProperty("added").GetInt32());
    }

    [Fact]
    public async Task Duplicates_lists_groups_of_external_ids()
    {
        var csv = Path.Combine(_folder, "jobs.csv");
        await File.WriteAllTextAsync(csv, """
            external_id,title,company,location,url,description
            a-1,Data Engineer,Acme,Berlin,https://acme.example/jobs/42?utm_source=board,Build pipelines.
            b-2,Data Engineer,Acme,Berlin,https://acme.example/jobs/42,Build pipelines.
            c-3,Designer,Acme,Paris,https://acme.example/jobs/43,Draw things.
            """);

        var import = await CliRunner.RunAsync(_folder, null, "jobs", "import", csv, "--source", "csv", "--json", "--data-dir", "data");
        var list = await CliRunner.RunAsync(_folder, null, "jobs", "duplicates", "--json", "--data-dir", "data");

        Assert.True(import.ExitCode == 0, import.StdErr);
        Assert.Equal((3, 3, 0, 1, 0, 0), Counts(import.StdOut));
        Assert.Equal(0, list.ExitCode);
        var groups = JsonSerializer.Deserialize<string[][]>(list.StdOut)!;
        Assert.Equal(["a-1", "b-2"], Assert.Single(groups));
    }

    [Fact]
    public async Task Bad_kind_or_missing_file_is_exit_code_2_with_one_line()
    {
        var csv = Path.Combine(_folder, "one.csv");
        await File.WriteAllTextAsync(csv, "title\nX\n");

        var badKind = await CliRunner.RunAsync(_folder, null, "jobs", "import", csv, "--source", "monster", "--data-dir", "data");
        var missing = await CliRunner.RunAsync(_folder, null, "jobs", "import", Path.Combine(_folder, "nope.csv"), "--source", "csv", "--data-dir", "data");
        var noPosting = await CliRunner.RunAsync(_folder, null, "postings", "analyze", Path.Combine(_folder, "nope.txt"));

        foreach (var result in new[] { badKind, missing, noPosting })
        {
            Assert.Equal(2, result.ExitCode);
            Assert.Single(result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.Equal("", result.StdOut);
        }
        Assert.Contains("unknown source 'monster'", badKind.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Postings_analyze_reports_skills_at_their_offsets_and_the_posting_fields()
    {
        const string text = "Senior Data Engineer — Zürich\nSalary: CHF 120,000 - 140,000 per year\nHybrid\n\nCafé crew wanted: Python, SQL and Apache Spark on AWS. Full-time.\n";
        var file = Path.Combine(_folder, "posting.txt");
        await File.WriteAllTextAsync(file, text);

        var result = await CliRunner.RunAsync(_folder, null, "postings", "analyze", file, "--json");

        Assert.True(result.ExitCode == 0, result.StdErr);
        using var json = JsonDocument.Parse(result.StdOut);
        var root = json.RootElement;
        var skills = root.GetProperty("skills").EnumerateArray().ToList();
        Assert.All(skills, s => Assert.Equal(s.GetProperty("text").GetString(), text[s.GetProperty("start").GetInt32()..s.GetProperty("end").GetInt32()]));
        var canonical = skills.Select(s => s.GetProperty("canonical").GetString()).ToList();
        Assert.Contains("Python", canonical);
        Assert.Contains("SQL", canonical);
        var python = skills.First(s => s.GetProperty("canonical").GetString() == "Python");
        Assert.Equal(text.IndexOf("Python", StringComparison.Ordinal), python.GetProperty("start").GetInt32());
        Assert.Equal("senior", root.GetProperty("seniority").GetString());
        Assert.Equal("hybrid", root.GetProperty("remote").GetString());
        Assert.Equal("full_time", root.GetProperty("employmentType").GetString());
        var salary = root.GetProperty("salary");
        Assert.Equal((120000m, 140000m, "CHF"), (salary.GetProperty("min").GetDecimal(), salary.GetProperty("max").GetDecimal(), salary.GetProperty("currency").GetString()));
    }

    private static (int, int, int, int, int, int) Counts(string stdout)
    {
        var r = JsonDocument.Parse(stdout).RootElement;
        return (r.GetProperty("fetched").GetInt32(), r.GetProperty("added").GetInt32(), r.GetProperty("updated").GetInt32(),
            r.GetProperty("duplicates").GetInt32(), r.GetProperty("rejected").GetInt32(), r.GetProperty("errors").GetArrayLength());
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
