using Jobsmith.Core.Data;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Jobsmith.Tests.TestSupport;

/// <summary>
/// A throw-away database on either provider. PostgreSQL comes from <c>JOBSMITH_TEST_POSTGRES</c> (set by
/// scripts/test.sh); without it the test is skipped with the reason, except on CI where that is an error.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "JOBSMITH_TEST_POSTGRES";

    public static readonly TheoryData<string> Providers = new() { DatabaseProviders.Sqlite, DatabaseProviders.Postgres };

    private readonly string? _adminConnection;
    private readonly string? _databaseName;

    private TestDatabase(string provider, string connectionString, string folder, string? adminConnection, string? databaseName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        Folder = folder;
        _adminConnection = adminConnection;
        _databaseName = databaseName;
    }

    public string Provider { get; }

    public string ConnectionString { get; }

    /// <summary>A private data folder (files, outbox, keys) that goes away with the database.</summary>
    public string Folder { get; }

    public static async Task<TestDatabase> CreateAsync(string provider)
    {
        var folder = Path.Combine(Path.GetTempPath(), "jobsmith-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        if (provider == DatabaseProviders.Sqlite)
            return new TestDatabase(provider, $"Data Source={Path.Combine(folder, "jobsmith.db")}", folder, null, null);

        var admin = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(admin))
        {
            if (Environment.GetEnvironmentVariable("CI") == "true")
                throw new InvalidOperationException($"{PostgresVariable} is not set on CI: scripts/test.sh starts PostgreSQL and sets it.");
            Infrastructure.Require(false, $"PostgreSQL not configured: run scripts/test.sh (it sets {PostgresVariable})");
        }

        var name = "jobsmith_t_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }
        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name };
        return new TestDatabase(provider, builder.ToString(), folder, admin, name);
    }

    /// <summary>Configuration keys that point a host at this database and folder.</summary>
    public Dictionary<string, string?> Settings(string? role = null) => new()
    {
        ["Database:Provider"] = Provider,
        ["Database:ConnectionString"] = ConnectionString,
        ["Jobsmith:DataDirectory"] = Folder,
        ["Jobsmith:Role"] = role ?? "All",
        ["Agents:SchedulerName"] = "test-" + Guid.NewGuid().ToString("N")[..12],
        ["Agents:DispatchIntervalSeconds"] = "0.5",
        ["Agents:RetryBaseDelaySeconds"] = "0.2",
        // The test mail servers (dovecot, the SMTP sink) listen on loopback.
        ["Inbox:AllowLocalMailServers"] = "true",
    };

    public async ValueTask DisposeAsync()
    {
        if (_adminConnection is not null && _databaseName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_adminConnection);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_databaseName} WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a finishing background thread; the temp folder is swept by the OS.
        }
    }
}
