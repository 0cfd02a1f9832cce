using Jobsmith.Core.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Jobsmith.Tests.Data;

/// <summary>
/// Which database errors count as a lost race worth a retry. The shapes are the ones the providers really throw:
/// a save wraps the provider error in DbUpdateException, a bulk ExecuteUpdate throws it bare, and EF's execution
/// strategy wraps either in InvalidOperationException when it deems the error transient (as CI saw for a deadlock).
/// </summary>
public sealed class UniqueViolationTests
{
    private static PostgresException Postgres(string sqlState) => new("error", "ERROR", "ERROR", sqlState);

    [Theory]
    [InlineData("23505")]
    [InlineData("40P01")]
    [InlineData("40001")]
    public void A_race_is_recognised_in_every_shape_the_providers_report_it(string sqlState)
    {
        var error = Postgres(sqlState);
        Assert.True(UniqueViolation.IsRace(error));
        Assert.True(UniqueViolation.IsRace(new DbUpdateException("save", error)));
        Assert.True(UniqueViolation.IsRace(new InvalidOperationException("transient", error)));
        Assert.True(UniqueViolation.IsRace(new InvalidOperationException("transient", new DbUpdateException("save", error))));
    }

    [Theory]
    [InlineData("23502")] // not null violation: a bug, not a race
    [InlineData("42P01")] // missing table
    public void Other_database_errors_are_not_retried(string sqlState)
    {
        var error = Postgres(sqlState);
        Assert.False(UniqueViolation.IsRace(error));
        Assert.False(UniqueViolation.IsRace(new InvalidOperationException("transient", error)));
        Assert.False(UniqueViolation.IsRace(new InvalidOperationException("other", new InvalidOperationException("inner"))));
    }
}
