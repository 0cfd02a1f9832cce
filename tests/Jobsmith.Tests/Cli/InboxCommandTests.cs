using System.Text.Json;
using Jobsmith.Tests.TestSupport;

namespace Jobsmith.Tests.Cli;

/// <summary>`jobsmith inbox classify FILE` (G2, M3): JSON on stdout, exit 2 with one line for a file it cannot read.</summary>
public sealed class InboxCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("jobsmith-cli-inbox-").FullName;

    private static string Mime(string name) => Path.Combine(AppContext.BaseDirectory, "Inbox", "Data", "mime", name);

    [Fact]
    public async Task Classify_prints_the_category_reason_and_headers_as_json_and_keeps_nothing()
    {
        var result = await CliRunner.RunAsync(_folder, null, "inbox", "classify", Mime("attachments.eml"), "--json", "--data-dir", Path.Combine(_folder, "data"));

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.StdOut);
        var root = json.RootElement;
        Assert.Equal("offer", root.GetProperty("category").GetString());
        Assert.Equal("rules", root.GetProperty("classifiedBy").GetString());
        Assert.Contains("delighted", root.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal("offer-7@zephyrmobility.example", root.GetProperty("messageId").GetString());
        Assert.Equal(2, root.GetProperty("attachments").GetArrayLength());
        Assert.False(Directory.Exists(Path.Combine(_folder, "data")));
    }

    [Fact]
    public async Task Classify_without_json_prints_one_human_line()
    {
        var result = await CliRunner.RunAsync(_folder, null, "inbox", "classify", Mime("html-only.eml"));
        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("confirmation (rules: ", result.StdOut, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("broken-boundary.eml", "no part uses it")]
    [InlineData("no-such-file.eml", "no such file")]
    public async Task A_broken_or_missing_email_exits_two_with_one_line(string file, string reason)
    {
        var result = await CliRunner.RunAsync(_folder, null, "inbox", "classify", Mime(file), "--json");
        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.StdErr.Trim().Split('\n'));
        Assert.Contains(reason, result.StdErr, StringComparison.Ordinal);
        Assert.Equal("", result.StdOut);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
