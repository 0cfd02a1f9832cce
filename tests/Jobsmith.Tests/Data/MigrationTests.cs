using Jobsmith.Core.Accounts;
using Jobsmith.Core.Data;
using Jobsmith.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace Jobsmith.Tests.Data;

/// <summary>Migrations are hand-written, so these tests are what proves they build exactly the EF model.</summary>
public sealed class MigrationTests
{
    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Migrated_schema_matches_the_EF_model(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        using var host = TestHost.Build(database);
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(default);

        var (actualColumns, actualIndexes) = await DatabaseSchema.ReadAsync(db);
        var model = db.GetService<IDesignTimeModel>().Model;
        var expectedColumns = new HashSet<DatabaseSchema.Column>();
        var expectedIndexes = new HashSet<DatabaseSchema.Index>();
        foreach (var entity in model.GetEntityTypes())
        {
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            foreach (var property in entity.GetProperties())
                expectedColumns.Add(new(table.Name, property.GetColumnName(table)!, property.IsColumnNullable(table)));
            foreach (var index in entity.GetIndexes())
                expectedIndexes.Add(new(table.Name, index.GetDatabaseName(table)!, index.IsUnique));
        }

        var ours = actualColumns.Where(c => expectedColumns.Any(e => e.Table == c.Table)).ToHashSet();
        Assert.Empty(expectedColumns.Except(ours).Select(c => $"missing or different: {c}"));
        Assert.Empty(ours.Except(expectedColumns).Select(c => $"not in the model: {c}"));
        var ourIndexes = actualIndexes.Where(i => expectedIndexes.Any(e => e.Table == i.Table)).ToHashSet();
        Assert.Empty(expectedIndexes.Except(ourIndexes).Select(i => $"missing or different: {i}"));
        Assert.Empty(ourIndexes.Except(expectedIndexes).Select(i => $"not in the model: {i}"));
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Startup_migrates_an_older_database_without_losing_rows(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        using (var host = TestHost.Build(database))
        {
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            // Bring the database to the first migration only, as an older release would have left it.
            await db.GetService<IMigrator>().MigrateAsync("20261122000100_Identity");
            db.Users.Add(new JobsmithUser { Id = "existing-user", UserName = "old@example.com", Email = "old@example.com", DisplayName = "Old", CreatedAt = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc) });
            await db.SaveChangesAsync();
        }

        using (var host = TestHost.Build(database))
        {
            await host.StartAsync();
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            var user = await db.Users.SingleAsync(u => u.Id == "existing-user");
            Assert.Equal("old@example.com", user.Email);
            Assert.Equal(3, await db.Roles.CountAsync());
            Assert.Equal(0, await db.Set<RefreshToken>().CountAsync());
            await host.StopAsync();
        }
    }
}
