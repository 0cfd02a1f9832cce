using System.Text.Json;
using Jobsmith.Core.Skills;
using Jobsmith.Tests.TestSupport;

namespace Jobsmith.Tests.Matching.Cli;

/// <summary>`jobsmith match` per the CLI contract, through the real binary on postings imported by `jobs import`.</summary>
public sealed class MatchCliTests : IDisposable
{
    private const string Resume = """
        Priya Raman
        Senior Backend Engineer
        priya.raman@example.com | Berlin, Germany

        SUMMARY
        Backend engineer with 8 years building data-heavy web services in Python and Go on AWS.

        SKILLS
        Python, Go, PostgreSQL, SQL, Kubernetes, Docker, AWS, Terraform, Kafka, REST APIs, gRPC

        EXPERIENCE
        Senior Backend Engineer, Lumen Data GmbH, Berlin — 2019 - Present
        - Designed event pipelines on Kafka and PostgreSQL serving 40M events a day.
        - Moved 30 services to Kubernetes with Terraform and Docker on AWS.

        Software Engineer, Northwind Labs — 2016 - 2019
        - Built REST and gRPC APIs in Python and Go.

        EDUCATION
        B.Sc. Computer Science, TU Munich, 2016
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("jobsmith-match-cli-").FullName;

    [SkippableFact]
    public async Task Match_ranks_imported_postings_with_reasons_that_trace_to_the_posting()
    {
        var ashby = SharedData.Require("jobs", "ashby");
        var resume = Path.Combine(_folder, "resume.txt");
        await File.WriteAllTextAsync(resume, Resume);
        var import = await CliRunner.RunAsync(_folder, null, "jobs", "import", ashby, "--source", "ashby", "--json", "--data-dir", "data");
        Assert.True(import.ExitCode == 0, import.StdErr);

        var json = await CliRunner.RunAsync(_folder, null, "match", "--resume", resume, "--top", "15", "--json", "--data-dir", "data");
        var table = await CliRunner.RunAsync(_folder, null, "match", "--resume", resume, "--top", "3", "--data-dir", "data");

        Assert.True(json.ExitCode == 0, json.StdErr);
        Assert.Contains("ranked", json.StdErr, StringComparison.Ordinal);
        var rows = JsonDocument.Parse(json.StdOut).RootElement.EnumerateArray().ToList();
        Assert.Equal(15, rows.Count);
        Assert.All(rows, r => Assert.Equal(["postingId", "externalId", "score", "reasons"], r.EnumerateObject().Select(p => p.Name)));
        Assert.All(rows, r => Assert.Equal(["matched", "missing", "pros", "cons"], r.GetProperty("reasons").EnumerateObject().Select(p => p.Name)));
        Assert.All(rows, r => Assert.True(Guid.TryParse(r.GetProperty("postingId").GetString(), out _)));
        var scores = rows.Select(r => r.GetProperty("score").GetInt32()).ToList();
        Assert.Equal(scores.OrderByDescending(s => s), scores);
        Assert.All(scores, s => Assert.InRange(s, 1, 100));
        Assert.Equal(rows.Count, rows.Select(r => r.GetProperty("postingId").GetString()).Distinct().Count());

        // Every matched skill is a catalogue skill of the posting itself (title, requirements or description).
        var postings = MatchingData.Ashby().ToDictionary(p => p.ExternalId, StringComparer.Ordinal);
        var matchedAny = false;
        foreach (var row in rows)
        {
            var posting = postings[row.GetProperty("externalId").GetString()!];
            var text = string.Join('\n', [posting.Title, .. posting.Requirements, posting.Description.Text]);
            var skills = SkillExtractor.Default.Extract(text).Select(m => m.Canonical).ToHashSet(StringComparer.Ordinal);
            foreach (var skill in row.GetProperty("reasons").GetProperty("matched").EnumerateArray().Select(s => s.GetString()!))
            {
                matchedAny = true;
                Assert.True(skills.Contains(skill), $"{skill} is not in posting {posting.ExternalId}");
            }
        }
        Assert.True(matchedAny, "the backend resume matched no skill in its top 15");

        Assert.True(table.ExitCode == 0, table.StdErr);
        var lines = table.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("score", lines[0].Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_or_unreadable_resume_and_an_empty_data_folder_are_exit_code_2_with_one_line()
    {
        var resume = Path.Combine(_folder, "resume.txt");
        await File.WriteAllTextAsync(resume, Resume);
        var binary = Path.Combine(_folder, "resume.bin");
        await File.WriteAllBytesAsync(binary, [0x00, 0x01, 0x02, 0xFF, 0xFE, 0x00, 0x7F, 0x80]);

        var missing = await CliRunner.RunAsync(_folder, null, "match", "--resume", Path.Combine(_folder, "nope.pdf"), "--data-dir", "data");
        var unreadable = await CliRunner.RunAsync(_folder, null, "match", "--resume", binary, "--data-dir", "data");
        var noPostings = await CliRunner.RunAsync(_folder, null, "match", "--resume", resume, "--json", "--data-dir", "data");

        foreach (var result in new[] { missing, unreadable, noPostings })
        {
            Assert.True(result.ExitCode == 2, result.StdErr);
            Assert.StartsWith("error:", Assert.Single(result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
            Assert.Equal("", result.StdOut);
        }
        Assert.Contains("no open postings", noPostings.StdErr, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
