using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Jobsmith.Core.Data;

/// <summary>
/// Recognises a save that lost a race on a unique index, on either provider, so a use case can re-read and retry
/// (or answer "already done") instead of surfacing a 500. Every other database error is left alone.
/// </summary>
public static class UniqueViolation
{
    private const int SqliteConstraint = 19;
    private const int SqliteConstraintUnique = 2067;
    private const int SqliteConstraintPrimaryKey = 1555;
    private const string PostgresUniqueViolation = "23505";
    private const string PostgresDeadlock = "40P01";
    private const string PostgresSerializationFailure = "40001";

    public static bool Is(DbUpdateException exception) => exception?.InnerException switch
    {
        SqliteException s => s.SqliteErrorCode == SqliteConstraint && s.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey,
        PostgresException p => p.SqlState == PostgresUniqueViolation,
        _ => false,
    };

    /// <summary>
    /// A lost race worth retrying: a unique violation, or PostgreSQL breaking a deadlock between two such inserts
    /// (which EF reports wrapped as a transient failure).
    /// </summary>
    public static bool IsRace(Exception exception) => exception switch
    {
        DbUpdateException update when Is(update) => true,
        DbUpdateException { InnerException: PostgresException { SqlState: PostgresDeadlock or PostgresSerializationFailure } } => true,
        // EF's execution strategy wraps what it deems transient: a save's DbUpdateException, or, from a bulk
        // ExecuteUpdate/ExecuteDelete, the provider's own exception (a deadlock between two ingest runs, say).
        InvalidOperationException { InnerException: DbUpdateException or PostgresException } wrapped => IsRace(wrapped.InnerException!),
        // Raw SQL (bulk upserts) surfaces the provider's exception itself rather than a DbUpdateException.
        PostgresException { SqlState: PostgresUniqueViolation or PostgresDeadlock or PostgresSerializationFailure } => true,
        SqliteException { SqliteErrorCode: SqliteConstraint, SqliteExtendedErrorCode: SqliteConstraintUnique or SqliteConstraintPrimaryKey } => true,
        _ => false,
    };

    /// <summary>
    /// Runs <paramref name="attempt"/> (which stages changes and saves them) until it saves without a unique-index race,
    /// clearing the change tracker between tries so each try re-reads what the winner wrote. Gives up after
    /// <paramref name="tries"/> races and rethrows.
    /// </summary>
    public static async Task<T> RetryAsync<T>(DbContext db, Func<int, Task<T>> attempt, CancellationToken cancellationToken, int tries = 8)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(attempt);
        for (var i = 1; ; i++)
        {
            try
            {
                return await attempt(i);
            }
            catch (Exception ex) when (IsRace(ex) && i < tries)
            {
                db.ChangeTracker.Clear();
                // A short, growing pause (capped, with jitter so racers do not retry in lockstep) lets the winner's
                // transaction finish before the next read.
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(5 * i * i, 200) + Random.Shared.Next(0, 20)), cancellationToken);
            }
        }
    }
}
