using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Jobsmith.Core.Data;

/// <summary>Applies pending migrations; used at start-up and by <c>jobsmith db migrate</c>.</summary>
public sealed class DatabaseMigrator(AppDbContext db, ILogger<DatabaseMigrator> logger)
{
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            logger.LogInformation("Applying {Count} database migration(s): {Migrations}", pending.Count, pending);
            await db.Database.MigrateAsync(cancellationToken);
        }
        return pending;
    }
}
