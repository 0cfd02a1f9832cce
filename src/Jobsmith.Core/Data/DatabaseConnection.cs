using Jobsmith.Core.Hosting;
using Microsoft.Data.Sqlite;

namespace Jobsmith.Core.Data;

/// <summary>The connection string in force, resolved once per process (every DbContext and listener reuses it).</summary>
public sealed record ResolvedDatabase(string Provider, string ConnectionString);

/// <summary>Turns the options into a concrete connection string (and makes the SQLite folder exist).</summary>
public static class DatabaseConnection
{
    public static string Resolve(DatabaseOptions database, JobsmithOptions jobsmith)
    {
        if (database.Provider == DatabaseProviders.Postgres)
        {
            if (string.IsNullOrWhiteSpace(database.ConnectionString))
                throw new InvalidOperationException("Database:ConnectionString is required when Database:Provider is 'postgres'.");
            return database.ConnectionString;
        }

        var builder = new SqliteConnectionStringBuilder(
            string.IsNullOrWhiteSpace(database.ConnectionString)
                ? $"Data Source={jobsmith.PathInData("jobsmith.db")}"
                : database.ConnectionString)
        {
            ForeignKeys = true,
            Pooling = true,
            DefaultTimeout = 30,
        };
        var folder = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(folder))
            PrivateFiles.CreateDirectory(folder);
        return builder.ToString();
    }
}
