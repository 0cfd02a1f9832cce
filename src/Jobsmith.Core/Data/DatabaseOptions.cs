using System.ComponentModel.DataAnnotations;

namespace Jobsmith.Core.Data;

/// <summary>Section "Database": which provider and where. SQLite under the data folder by default.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    [Required, RegularExpression("^(sqlite|postgres)$", ErrorMessage = "Database:Provider must be 'sqlite' or 'postgres'.")]
    public string Provider { get; set; } = DatabaseProviders.Sqlite;

    /// <summary>Empty means <c>Data Source={DataDirectory}/jobsmith.db</c> for SQLite; required for PostgreSQL.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Apply pending migrations when the process starts (on by default; <c>jobsmith db migrate</c> does it by hand).</summary>
    public bool MigrateOnStartup { get; set; } = true;
}

public static class DatabaseProviders
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";
}
