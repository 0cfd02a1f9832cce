using System.Text.Json;
using Jobsmith.Tests.TestSupport;

namespace Jobsmith.Tests.Cli;

/// <summary>The CLI contract (M3): --help, --data-dir, --json, exit code 2 with one line on bad input.</summary>
public sealed class CliContractTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("jobsmith-cli-").FullName;

    [Fact]
    public async Task Help_lists_the_commands_and_exits_zero()
    {
        var result = await CliRunner.RunAsync(_folder, null, "--help");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("admin", result.StdOut, StringComparison.Ordinal);
        Assert.Contains("--data-dir", result.StdOut, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("no-such-command")]
    [InlineData("admin", "create")]
    [InlineData("profile", "parse", "missing-file.pdf")]
    public async Task Bad_input_exits_two_with_one_line_on_stderr(params string[] args)
    {
        var result = await CliRunner.RunAsync(_folder, null, args);
        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.StdErr.Trim().Split('\n'));
        Assert.StartsWith("error:", result.StdErr, StringComparison.Ordinal);
        Assert.Equal("", result.StdOut);
    }

    // Every migration in Core, so the test holds as features add theirs.
    private static readonly int MigrationCount = typeof(Jobsmith.Core.Data.AppDbContext).Assembly.GetTypes()
        .Count(t => t.GetCustomAttributes(typeof(Microsoft.EntityFrameworkCore.Migrations.MigrationAttribute), false).Length > 0);

    [Fact]
    public async Task Admin_create_reads_the_password_from_stdin_and_db_migrate_reports_json()
    {
        var dataDir = Path.Combine(_folder, "instance");
        var migrate = await CliRunner.RunAsync(_folder, null, "db", "migrate", "--data-dir", dataDir, "--json");
        Assert.Equal(0, migrate.ExitCode);
        using (var json = JsonDocument.Parse(migrate.StdOut))
            Assert.Equal(MigrationCount, json.RootElement.GetProperty("applied").GetArrayLength());

        var created = await CliRunner.RunAsync(_folder, "a-long-admin-password-1", "admin", "create", "--email", "root@example.com", "--data-dir", dataDir, "--json");
        Assert.Equal(0, created.ExitCode);
        using (var json = JsonDocument.Parse(created.StdOut))
            Assert.True(json.RootElement.GetProperty("created").GetBoolean());

        var again = await CliRunner.RunAsync(_folder, "a-long-admin-password-1", "admin", "create", "--email", "root@example.com", "--data-dir", dataDir);
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("Granted the admin role", again.StdOut, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(dataDir, "jobsmith.db")));
    }

    [Fact]
    public async Task Weak_password_is_refused_with_exit_two()
    {
        var result = await CliRunner.RunAsync(_folder, null, "admin", "create", "--email", "x@example.com", "--password", "short", "--data-dir", Path.Combine(_folder, "d"));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Passwords must be at least 10 characters", result.StdErr, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
