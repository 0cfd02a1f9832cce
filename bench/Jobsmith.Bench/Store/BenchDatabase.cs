using Jobsmith.Core.Data;
using Jobsmith.Core.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Jobsmith.Bench.Store;

/// <summary>
/// A fresh, migrated database for one end-to-end run: a SQLite file in a temporary folder, or a new PostgreSQL database
/// on the server named by JOBSMITH_TEST_POSTGRES (the test suite's variable; scripts/services.sh sets it). Dropped after.
/// </summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "JOBSMITH_TEST_POSTGRES";
    private readonly string _folder;
    private readonly string? _admin;
    private readonly string? _name;

    private BenchDatabase(string provider, string connection, string folder, string? admin, string? name, Action<IServiceCollection>? configure)
    {
        (Provider, ConnectionString, _folder, _admin, _name) = (provider, connection, folder, admin, name);
        Host = Build(provider, connection, folder, configure);
    }

    public string Provider { get; }

    public string ConnectionString { get; }

    /// <summary>The run's data folder (the SQLite file, rendered files), for another process to open the same data.</summary>
    public string Folder => _folder;

    public IHost Host { get; }

    public static IEnumerable<string> Available() =>
        string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(PostgresVariable))
            ? [DatabaseProviders.Sqlite]
            : [DatabaseProviders.Sqlite, DatabaseProviders.Postgres];

    /// <param name="configure">More services beside Core, e.g. the document renderer for runs that print.</param>
    public static async Task<BenchDatabase> CreateAsync(string provider, Action<IServiceCollection>? configure = null)
    {
        var folder = Directory.CreateTempSubdirectory("jobsmith-bench-").FullName;
        BenchDatabase database;
        if (provider == DatabaseProviders.Sqlite)
            database = new BenchDatabase(provider, $"Data Source={Path.Combine(folder, "jobsmith.db")}", folder, null, null, configure);
        else
        {
            var admin = Environment.GetEnvironmentVariable(PostgresVariable)!;
            var name = "jobsmith_b_" + Guid.NewGuid().ToString("N")[..16];
            await using (var connection = new NpgsqlConnection(admin))
            {
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
                await command.ExecuteNonQueryAsync();
            }
            database = new BenchDatabase(provider, new NpgsqlConnectionStringBuilder(admin) { Database = name }.ToString(), folder, admin, name, configure);
        }
        await using var scope = database.Host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(default);
        return database;
    }

    private static IHost Build(string provider, string connection, string folder, Action<IServiceCollection>? configure)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Production", DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider,
            ["Database:ConnectionString"] = connection,
            ["Jobsmith:DataDirectory"] = folder,
            ["Jobsmith:Role"] = "All",
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddJobsmithCore(builder.Configuration);
        configure?.Invoke(builder.Services);
        return builder.Build();
    }

    public async ValueTask DisposeAsync()
    {
        Host.Dispose();
        if (_admin is not null && _name is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_admin);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
