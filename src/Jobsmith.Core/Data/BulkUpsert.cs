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
/// Multi-row <c>INSERT … ON CONFLICT DO UPDATE … RETURNING</c>, the same SQL on SQLite and PostgreSQL, with columns,
/// names and parameter conversions taken from the EF model so the rows read back exactly as EF wrote them. It exists
/// because saving thousands of rows through the change tracker costs a statement round trip and tracking per row, and
/// because the conflict clause lets two writers insert the same row at once without either failing.
/// </summary>
internal static class BulkUpsert
{
    // SQLite allows 32,766 parameters per statement, PostgreSQL 65,535: stay under both.
    private const int MaxParameters = 30_000;

    /// <summary>Writes <paramref name="rows"/> in the caller's transaction and returns the <see cref="UpsertShape.Returning"/> values per row.</summary>
    public static async Task<List<object[]>> RunAsync<T>(DbContext db, IReadOnlyList<T> rows, UpsertShape shape, CancellationToken cancellationToken)
        where T : class
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var properties = entity.GetProperties().ToArray();
        string Column(string property) => Quote(entity.FindProperty(property)!.GetColumnName(table)!);
        var connection = db.Database.GetDbConnection();
        var results = new List<object[]>(rows.Count);
        foreach (var chunk in rows.Chunk(Math.Max(1, MaxParameters / properties.Length)))
        {
            await using var command = connection.CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            var sql = new StringBuilder($"INSERT INTO {Quote(table.Name)} (")
                .AppendJoin(", ", properties.Select(p => Quote(p.GetColumnName(table)!))).Append(") VALUES ");
            for (var r = 0; r < chunk.Length; r++)
            {
                sql.Append(r == 0 ? "(" : ", (");
                for (var c = 0; c < properties.Length; c++)
                {
                    var name = $"@p{r}_{c}";
                    sql.Append(c == 0 ? name : ", " + name);
                    var mapping = (RelationalTypeMapping)properties[c].GetTypeMapping();
                    command.Parameters.Add(mapping.CreateParameter(command, name, properties[c].GetGetter().GetClrValue(chunk[r]), properties[c].IsNullable));
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
            await ReadAsync(command, shape, entity, results, cancellationToken);
        }
        return results;
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
