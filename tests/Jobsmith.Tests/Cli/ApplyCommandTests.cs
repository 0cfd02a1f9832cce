using System.Text;
using System.Text.Json;
using Jobsmith.Tests.Applications.Channels;
using Jobsmith.Tests.TestSupport;

namespace Jobsmith.Tests.Cli;

/// <summary>`jobsmith apply --resume FILE --url URL --dry-run --json` (F3, M3): the real binary, parser, channel and Chromium against a loopback form.</summary>
public sealed class ApplyCommandTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("jobsmith-apply-").FullName;
    private ApplicationSites _sites = null!;

    public async Task InitializeAsync() => _sites = await ApplicationSites.StartAsync();

    public async Task DisposeAsync()
    {
        await _sites.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [SkippableFact]
    public async Task Dry_run_reports_every_field_the_open_questions_and_the_screenshot_and_sends_nothing()
    {
        BrowserFormFixture.RequireChromium();
        var url = LeverLikeSite.Install(_sites);
        await File.WriteAllTextAsync(Path.Combine(_folder, "resume.txt"), BrowserFormFixture.ResumeText, Encoding.UTF8);

        var result = await CliRunner.RunAsync(_folder, null, "apply", "--resume", "resume.txt", "--url", url.AbsoluteUri, "--dry-run", "--json",
            "--data-dir", "data", "--screenshots", "shots");

        Assert.True(result.ExitCode == 0, result.StdErr);
        Assert.Contains("screenshots saved in", result.StdErr, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(result.StdOut);
        var root = json.RootElement;
        var fields = root.GetProperty("fields").EnumerateArray().ToList();
        string? Value(string name) => fields.Single(f => f.GetProperty("name").GetString() == name).GetProperty("value").GetString();
        Assert.Equal("Maya Okafor", Value("name"));
        Assert.Equal("maya.okafor@example.com", Value("email"));
        Assert.Equal("+1 415 555 0137", Value("phone"));
        Assert.Equal("https://github.com/mayaokafor", Value("urls[GitHub]"));
        Assert.Null(Value("urls[LinkedIn]"));
        Assert.Equal("profile", fields.Single(f => f.GetProperty("name").GetString() == "name").GetProperty("source").GetString());
        Assert.Equal("resume.txt", root.GetProperty("uploads")[0].GetProperty("fileName").GetString());
        // Ad hoc there is no answer bank: the required relocation question is left for the candidate, never guessed.
        var escalation = root.GetProperty("escalation");
        Assert.Equal("unknown_question", escalation.GetProperty("reason").GetString());
        Assert.Equal(["Are you willing to relocate?"], escalation.GetProperty("questions").EnumerateArray().Select(q => q.GetString()));
        var screenshot = root.GetProperty("screenshot").GetString()!;
        Assert.StartsWith(Path.Combine(_folder, "shots"), screenshot, StringComparison.Ordinal);
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], (await File.ReadAllBytesAsync(screenshot))[..4]);
        Assert.Empty(_sites.Received);
    }

    [Fact]
    public async Task Without_dry_run_an_ad_hoc_apply_is_refused()
    {
        await File.WriteAllTextAsync(Path.Combine(_folder, "resume.txt"), BrowserFormFixture.ResumeText, Encoding.UTF8);

        var result = await CliRunner.RunAsync(_folder, null, "apply", "--resume", "resume.txt", "--url", "http://127.0.0.1:9/apply", "--data-dir", "data");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--dry-run", result.StdErr, StringComparison.Ordinal);
    }
}
