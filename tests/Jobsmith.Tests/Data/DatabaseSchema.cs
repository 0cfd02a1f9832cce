using System.Data.Common;
using Jobsmith.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Jobsmith.Tests.Data;

/// <summary>Reads what a migrated database really holds: tables, columns with nullability, and indexes.</summary>
internal static class DatabaseSchema
{
    public sealed record Column(string Table, string Name, bool Nullable);

    public sealed record Index(string Table, string Name, bool Unique);

    public static async Task<(HashSet<Column> Columns, HashSet<Index> Indexes)> ReadAsync(AppDbContext db)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            return db.Database.IsNpgsql() ? await ReadPostgresAsync(connection) : await ReadSqliteAsync(connection);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<(HashSet<Column>, HashSet<Index>)> ReadPostgresAsync(DbConnection connection)
    {
        var columns = new HashSet<Column>();
        foreach (var row in await QueryAsync(connection, "SELECT table_name, column_name, is_nullable FROM information_schema.columns WHERE table_schema = 'public'"))
            columns.Add(new Column(row[0], row[1], row[2] == "YES"));
        var indexes = new HashSet<Index>();
        foreach (var row in await QueryAsync(connection,
            "SELECT t.relname, i.relname, ix.indisunique::text FROM pg_index ix JOIN pg_class i ON i.oid = ix.indexrelid JOIN pg_class t ON t.oid = ix.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace WHERE n.nspname = 'public' AND NOT ix.indisprimary"))
            // The full-text expression index is SQL the EF model cannot express (see M0026).
            if (row[1] != Jobsmith.Core.Data.Migrations.M0026JobListIndexes.PostgresSearchIndex) indexes.Add(new Index(row[0], row[1], row[2] == "true"));
        return (columns, indexes);
    }

    private static async Task<(HashSet<Column>, HashSet<Index>)> ReadSqliteAsync(DbConnection connection)
    {
        var columns = new HashSet<Column>();
        var indexes = new HashSet<Index>();
        var tables = await QueryAsync(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
        foreach (var table in tables.Select(t => t[0]))
        {
            foreach (var row in await QueryAsync(connection, $"SELECT name, \"notnull\", pk FROM pragma_table_info('{table}')"))
                columns.Add(new Column(table, row[0], row[1] == "0" && row[2] == "0"));
            foreach (var row in await QueryAsync(connection, $"SELECT name, \"unique\", origin FROM pragma_index_list('{table}')"))
                if (row[2] == "c") indexes.Add(new Index(table, row[0], row[1] == "1"));
        }
        return (columns, indexes);
    }

    private static async Task<List<string[]>> QueryAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string[]>();
        while (await reader.ReadAsync())
            rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture) ?? "")]);
        return rows;
    }
}
