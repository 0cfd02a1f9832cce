using System.Text;
using System.Text.Json;
using Jobsmith.Tests.TestSupport;

namespace Jobsmith.Tests.Cli;

/// <summary>`jobsmith tailor` (E1–E6, M3): real resume parsing, the document engines and the real renderer, end to end.</summary>
public sealed class TailorCommandTests : IDisposable
{
    private const string Resume = "Ada Stone\nSenior Rust Engineer\nada@example.com\n\nSKILLS\nRust, PostgreSQL, Linux\n\nEXPERIENCE\n"
        + "Senior Rust Engineer, Ferrite, Berlin - 2018 - Present\n- Built a storage engine in Rust.\n- Tuned PostgreSQL queries for billing.\n";

    private const string Posting = """
        {"title": "Backend Engineer", "company": "Acme Data", "date": "2026-11-01", "description": "We build a query engine in Rust on Kubernetes.",
         "qualifications": ["Rust", "PostgreSQL query tuning", "Kubernetes in production"], "meta": {"canonical": "https://acme.example/jobs/9"}}
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("jobsmith-tailor-").FullName;

    [SkippableFact]
    public async Task Tailor_writes_pdf_docx_and_a_provenance_report_with_no_untraceable_line()
    {
        // PDFs are printed by the real Chromium; a machine without it reports the skip instead of failing.
        Infrastructure.Require(File.Exists("/usr/bin/chromium"), "Chromium not found at /usr/bin/chromium: run scripts/setup.sh");
        await File.WriteAllTextAsync(Path.Combine(_folder, "resume.txt"), Resume, Encoding.UTF8);
        await File.WriteAllTextAsync(Path.Combine(_folder, "posting.json"), Posting, Encoding.UTF8);

        var result = await CliRunner.RunAsync(_folder, null, "tailor", "--resume", "resume.txt", "--posting", "posting.json", "--out", "out", "--data-dir", "data", "--json");

        Assert.True(result.ExitCode == 0, result.StdErr);
        var output = Path.Combine(_folder, "out");
        foreach (var (name, magic) in new[] { ("resume.pdf", "%PDF"), ("cover-letter.pdf", "%PDF"), ("answers.pdf", "%PDF"), ("resume.docx", "PK"), ("cover-letter.docx", "PK"), ("answers.docx", "PK") })
            Assert.Equal(magic, Encoding.ASCII.GetString((await File.ReadAllBytesAsync(Path.Combine(output, name))).AsSpan(0, magic.Length)));
        Assert.Contains("Acme Data", await File.ReadAllTextAsync(Path.Combine(output, "cover-letter.md")), StringComparison.Ordinal);

        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "provenance.json")));
        var root = report.RootElement;
        Assert.True(root.GetProperty("check").GetProperty("passed").GetBoolean());
        Assert.Equal(0, root.GetProperty("check").GetProperty("flagged").GetInt32());
        var facts = root.GetProperty("facts");
        var documents = root.GetProperty("documents").EnumerateArray().ToList();
        Assert.Equal(["resume", "cover_letter", "answers"], documents.Select(d => d.GetProperty("kind").GetString()));
        // Every line that states something cites facts that exist in the report.
        foreach (var line in documents.SelectMany(d => d.GetProperty("lines").EnumerateArray()))
            foreach (var id in line.GetProperty("factIds").EnumerateArray())
                Assert.True(facts.TryGetProperty(id.GetString()!, out _) || id.GetString()!.StartsWith("posting.", StringComparison.Ordinal), id.GetString());
        var coverage = documents[0].GetProperty("coverage");
        Assert.Contains("Rust", coverage.GetProperty("covered").EnumerateArray().Select(s => s.GetString()));
        Assert.Contains("Kubernetes", coverage.GetProperty("missing").EnumerateArray().Select(s => s.GetString()));
        Assert.DoesNotContain(documents[0].GetProperty("lines").EnumerateArray(), l => l.GetProperty("text").GetString()!.Contains("Kubernetes", StringComparison.Ordinal));

        using var stdout = JsonDocument.Parse(result.StdOut);
        Assert.Equal(["answers.docx", "answers.json", "answers.pdf", "cover-letter.docx", "cover-letter.md", "cover-letter.pdf", "provenance.json", "resume.docx", "resume.pdf"],
            stdout.RootElement.GetProperty("files").EnumerateArray().Select(f => Path.GetFileName(f.GetString()!)).Order(StringComparer.Ordinal));
        var answers = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "answers.json"))).RootElement.EnumerateArray().ToList();
        Assert.Contains(answers, a => a.GetProperty("question").GetString() == "Full name" && a.GetProperty("answer").GetString() == "Ada Stone");
        // Sensitive questions are never guessed.
        Assert.Contains(answers, a => a.GetProperty("question").GetString()!.StartsWith("Will you now or in the future require visa", StringComparison.Ordinal)
                                      && a.GetProperty("answer").ValueKind == JsonValueKind.Null);
    }

    [Theory]
    [InlineData("missing.txt", "posting.json")]
    [InlineData("resume.txt", "no-such-posting")]
    [InlineData("resume.txt", "8b0f3c52-3f7e-4d4e-9c55-0f1d2a3b4c5d")]
    [InlineData("resume.txt", "empty.txt")]
    public async Task Bad_input_exits_two_with_one_line(string resume, string posting)
    {
        await File.WriteAllTextAsync(Path.Combine(_folder, "resume.txt"), Resume, Encoding.UTF8);
        await File.WriteAllTextAsync(Path.Combine(_folder, "posting.json"), Posting, Encoding.UTF8);
        await File.WriteAllTextAsync(Path.Combine(_folder, "empty.txt"), "", Encoding.UTF8);

        var result = await CliRunner.RunAsync(_folder, null, "tailor", "--resume", resume, "--posting", posting, "--out", "out", "--data-dir", "data");

        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.StdErr.Trim().Split('\n'));
        Assert.StartsWith("error:", result.StdErr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_folder, "out")));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
