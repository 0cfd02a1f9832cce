using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Jobsmith.Core.Data;

/// <summary>How a multi-row upsert treats each column when the row already exists.</summary>
/// <param name="ConflictOn">Properties of the unique index that decides "already exists".</param>
/// <param name="Keep">Properties the stored row keeps (its id, when it was first seen…).</param>
/// <param name="KeepWhenNull">Properties whose stored value survives an incoming null.</param>
/// <param name="Returning">Properties read back for every row, inserted or updated, in row order of the reader.</param>
internal sealed record UpsertShape(string[] ConflictOn, string[] Keep, string[] KeepWhenNull, string[] Returning);

/// <summary>
/// <c>INSERT … ON CONFLICT DO UPDATE … RETURNING</c> for many rows, the same SQL on SQLite and PostgreSQL, with columns,
/// names and parameter conversions taken from the EF model so the rows read back exactly as EF wrote them. It exists
/// because saving thousands of rows through the change tracker costs a statement round trip and tracking per row, and
/// because the conflict clause lets two writers insert the same row at once without either failing.
/// </summary>
internal static class BulkUpsert
{
    // SQLite looks a named parameter up by a linear scan, so one statement with thousands of parameters costs quadratic
    // time: there one prepared single-row statement runs per row, which in one transaction is what SQLite is fastest at.
    // PostgreSQL pays a network round trip per statement instead, so there each statement carries many rows.
    private const int PostgresRowsPerStatement = 100;

    /// <summary>Writes <paramref name="rows"/> in the caller's transaction and returns the <see cref="UpsertShape.Returning"/> values per row.</summary>
    public static async Task<List<object[]>> RunAsync<T>(DbContext db, IReadOnlyList<T> rows, UpsertShape shape, CancellationToken cancellationToken)
        where T : class
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped");
        var properties = entity.GetProperties().ToArray();
        var mappings = properties.Select(p => (RelationalTypeMapping)p.GetTypeMapping()).ToArray();
        var perStatement = db.Database.IsNpgsql() ? PostgresRowsPerStatement : 1;
        var results = new List<object[]>(rows.Count);
        DbCommand? command = null;
        try
        {
            foreach (var chunk in rows.Chunk(perStatement))
            {
                if (command is null || command.Parameters.Count != chunk.Length * properties.Length)
                {
                    if (command is not null) await command.DisposeAsync();
                    command = Prepare(db, entity, shape, chunk.Length);
                }
                var i = 0;
                foreach (var row in chunk)
                    for (var c = 0; c < properties.Length; c++, i++)
                        command.Parameters[i] = mappings[c].CreateParameter(command, command.Parameters[i].ParameterName,
                            properties[c].GetGetter().GetClrValue(row), properties[c].IsNullable);
                await ReadAsync(command, shape, entity, results, cancellationToken);
            }
        }
        finally
        {
            if (command is not null) await command.DisposeAsync();
        }
        return results;
    }

    private static DbCommand Prepare(DbContext db, IEntityType entity, UpsertShape shape, int rowCount)
    {
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var properties = entity.GetProperties().ToArray();
        string Column(string property) => Quote(entity.FindProperty(property)!.GetColumnName(table)!);
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        var sql = new StringBuilder($"INSERT INTO {Quote(table.Name)} (")
            .AppendJoin(", ", properties.Select(p => Quote(p.GetColumnName(table)!))).Append(") VALUES ");
        for (var r = 0; r < rowCount; r++)
        {
            sql.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < properties.Length; c++)
            {
                var name = $"@p{r}_{c}";
                sql.Append(c == 0 ? name : ", " + name);
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                command.Parameters.Add(parameter);
            }
            sql.Append(')');
        }
        var updates = properties.Where(p => !shape.ConflictOn.Contains(p.Name) && !shape.Keep.Contains(p.Name)).Select(p =>
        {
            var column = Quote(p.GetColumnName(table)!);
            return shape.KeepWhenNull.Contains(p.Name)
                ? $"{column} = COALESCE(excluded.{column}, {Quote(table.Name)}.{column})"
                : $"{column} = excluded.{column}";
        });
        sql.Append(" ON CONFLICT (").AppendJoin(", ", shape.ConflictOn.Select(Column)).Append(") DO UPDATE SET ").AppendJoin(", ", updates);
        if (shape.Returning.Length > 0) sql.Append(" RETURNING ").AppendJoin(", ", shape.Returning.Select(Column));
        command.CommandText = sql.ToString();
        return command;
    }

    private static async Task ReadAsync(DbCommand command, UpsertShape shape, IEntityType entity, List<object[]> results, CancellationToken cancellationToken)
    {
        if (shape.Returning.Length == 0)
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
            return;
        }
        var returned = shape.Returning.Select(name => entity.FindProperty(name)!).ToArray();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var values = new object[returned.Length];
            for (var i = 0; i < returned.Length; i++)
            {
                var mapping = (RelationalTypeMapping)returned[i].GetTypeMapping();
                var raw = reader.GetFieldValue<object>(i);
                // Read with the provider's own type (SQLite keeps Guids and dates as text) and convert as EF would.
                var provider = mapping.Converter?.ProviderClrType ?? returned[i].ClrType;
                var typed = ProviderValue(reader, i, provider, raw);
                values[i] = mapping.Converter is { } converter ? converter.ConvertFromProvider(typed)! : typed;
            }
            results.Add(values);
        }
    }

    private static object ProviderValue(DbDataReader reader, int ordinal, Type type, object raw) => type switch
    {
        _ when type == typeof(Guid) => reader.GetGuid(ordinal),
        _ when type == typeof(DateTime) => reader.GetDateTime(ordinal),
        _ => raw,
    };

    private static string Quote(string name) => $"\"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
