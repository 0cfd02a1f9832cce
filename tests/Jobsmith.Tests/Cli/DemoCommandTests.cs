using System.Text.Json;
using Jobsmith.Tests.Applications.Channels;
using Jobsmith.Tests.TestSupport;

namespace Jobsmith.Tests.Cli;

/// <summary>
/// `jobsmith demo` (K3, M3): the first run without a browser, through the real binary — the shipped resume and demo
/// feed, the candidate's agent matching and drafting through the event processor, approval, and the application
/// emails written to the outbox folder — on a temporary data folder of its own (kept here with --keep, to look into),
/// and the operator's `jobsmith agent` on the result.
/// </summary>
public sealed class DemoCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("jobsmith-demo-test-").FullName;
    private string? _kept;

    public void Dispose()
    {
        Directory.Delete(_folder, recursive: true);
        if (_kept is not null && Directory.Exists(_kept)) Directory.Delete(_kept, recursive: true);
    }

    [SkippableFact]
    public async Task The_demo_runs_the_loop_from_resume_to_application_emails_on_a_folder_of_its_own()
    {
        BrowserFormFixture.RequireChromium();
        // Without --data-dir it makes a temporary folder of its own; --keep leaves it for us to look into.
        var kept = await CliRunner.RunAsync(_folder, null, "demo", "--json", "--keep");
        Assert.True(kept.ExitCode == 0, kept.StdErr);
        Assert.Contains("agent: ", kept.StdErr, StringComparison.Ordinal);
        var folder = kept.StdErr.Split('\n').Single(l => l.StartsWith("demo data folder: ", StringComparison.Ordinal))["demo data folder: ".Length..].Trim();
        _kept = folder;
        using var json = JsonDocument.Parse(kept.StdOut);
        var root = json.RootElement;
        Assert.Equal(["account", "resume", "postings", "agent", "approve", "send"], root.GetProperty("stages").EnumerateArray().Select(s => s.GetProperty("name").GetString()));
        Assert.Contains("imported 22 postings", root.GetProperty("stages")[2].GetProperty("summary").GetString(), StringComparison.Ordinal);

        // The demo resume is a senior backend engineer in Python and Go: that is what ranks first, not the junior or non-engineering roles.
        var matches = root.GetProperty("matches").EnumerateArray().Select(m => m.GetProperty("title").GetString()!).ToList();
        Assert.True(matches.Count >= 5, $"{matches.Count} matches");
        Assert.All(matches.Take(3), t => Assert.Contains("Engineer", t, StringComparison.Ordinal));
        Assert.DoesNotContain(matches.Take(5), t => t.Contains("Junior", StringComparison.Ordinal) || t.Contains("Product Manager", StringComparison.Ordinal));

        // With no mail server (the embedded default) each application is an email in the outbox, to the posting's own
        // address with the tailored PDFs attached, left for the candidate to send: never reported as sent.
        var sends = root.GetProperty("sends").EnumerateArray().ToList();
        Assert.Equal(5, sends.Count);
        var emailed = sends.Where(s => s.GetProperty("channel").GetString() == "email").ToList();
        Assert.NotEmpty(emailed);
        Assert.All(emailed, s => Assert.Equal("Escalated", s.GetProperty("status").GetString()));
        Assert.All(emailed, s => Assert.Contains("saved in the outbox", s.GetProperty("message").GetString(), StringComparison.Ordinal));
        Assert.Contains("written to the outbox for you to send", root.GetProperty("stages")[5].GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.Equal(folder, root.GetProperty("folder").GetString());
        var outbox = Path.Combine(folder, "outbox");
        var applications = Directory.GetFiles(outbox, "*.eml").Select(File.ReadAllText)
            .Where(m => m.Contains("application/pdf", StringComparison.Ordinal)).ToList();
        Assert.Equal(emailed.Count, applications.Count);
        Assert.All(applications, m => Assert.Matches(@"(?m)^To: .*@[a-z-]+\.example", m));

        // The operator sees and changes the demo candidate's agent as the dashboard does (`jobsmith agent`).
        var status = await CliRunner.RunAsync(_folder, null, "agent", "status", "--email", "demo@jobsmith.example", "--data-dir", folder, "--json");
        Assert.True(status.ExitCode == 0, status.StdErr);
        using (var agent = JsonDocument.Parse(status.StdOut))
            Assert.Equal(("running", 5), (agent.RootElement.GetProperty("state").GetString(), agent.RootElement.GetProperty("draftedToday").GetInt32()));
        var stop = await CliRunner.RunAsync(_folder, null, "agent", "stop", "--email", "demo@jobsmith.example", "--data-dir", folder);
        Assert.True(stop.ExitCode == 0, stop.StdErr);
        Assert.Contains("agent stopped", stop.StdOut, StringComparison.Ordinal);
        var refused = await CliRunner.RunAsync(_folder, null, "agent", "start", "--email", "demo@jobsmith.example", "--min-score", "5", "--data-dir", folder);
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("between 30 and 100", refused.StdErr, StringComparison.Ordinal);

        // The folder holds the demo now: a second run there is refused, and says why.
        var again = await CliRunner.RunAsync(_folder, null, "demo", "--data-dir", folder);
        Assert.NotEqual(0, again.ExitCode);
        Assert.Contains("already has the demo candidate", again.StdErr, StringComparison.Ordinal);
    }
}
