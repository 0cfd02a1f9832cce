using System.Text.Json;
using Jobsmith.Tests.Applications.Channels;
using Jobsmith.Tests.TestSupport;

namespace Jobsmith.Tests.Cli;

/// <summary>
/// `jobsmith demo` (K3, M3): the first run without a browser, through the real binary — the shipped resume and demo
/// feed, the candidate's agent matching and drafting through the event processor, approval, and the application
/// emails written to the outbox folder — on a data folder of its own that it removes afterwards unless asked to keep it.
/// </summary>
public sealed class DemoCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("jobsmith-demo-test-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [SkippableFact]
    public async Task The_demo_runs_the_loop_from_resume_to_application_emails_and_cleans_up_after_itself()
    {
        BrowserFormFixture.RequireChromium();
        var kept = await CliRunner.RunAsync(_folder, null, "demo", "--json", "--data-dir", "kept");
        Assert.True(kept.ExitCode == 0, kept.StdErr);
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
        var outbox = Path.Combine(_folder, "kept", "outbox");
        var applications = Directory.GetFiles(outbox, "*.eml").Select(File.ReadAllText)
            .Where(m => m.Contains("application/pdf", StringComparison.Ordinal)).ToList();
        Assert.Equal(emailed.Count, applications.Count);
        Assert.All(applications, m => Assert.Matches(@"(?m)^To: .*@[a-z-]+\.example", m));

        // The folder holds the demo now: a second run there is refused, and says why.
        var again = await CliRunner.RunAsync(_folder, null, "demo", "--data-dir", "kept");
        Assert.NotEqual(0, again.ExitCode);
        Assert.Contains("already has the demo candidate", again.StdErr, StringComparison.Ordinal);

        // Without a folder it makes a temporary one, shows progress per stage, prints the summary, and removes the folder.
        var temporary = await CliRunner.RunAsync(_folder, null, "demo");
        Assert.True(temporary.ExitCode == 0, temporary.StdErr);
        Assert.Contains("best matches:", temporary.StdOut, StringComparison.Ordinal);
        Assert.Contains("agent: ", temporary.StdErr, StringComparison.Ordinal);
        var used = temporary.StdErr.Split('\n').Single(l => l.StartsWith("demo data folder: ", StringComparison.Ordinal))["demo data folder: ".Length..].Trim();
        Assert.False(Directory.Exists(used), $"{used} was left behind");
    }
}
