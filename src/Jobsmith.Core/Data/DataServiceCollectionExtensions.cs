using Jobsmith.Core.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Jobsmith.Core.Data;

public static class DataServiceCollectionExtensions
{
    public static IServiceCollection AddJobsmithData(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SqlitePragmaInterceptor>();
        // Resolved once: a DbContext is created per request, and resolving touches the file system for SQLite.
        services.AddSingleton(sp =>
        {
            var database = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            return new ResolvedDatabase(database.Provider, DatabaseConnection.Resolve(database, sp.GetRequiredService<IOptions<JobsmithOptions>>().Value));
        });
        services.AddDbContext<AppDbContext>((provider, options) =>
        {
            var database = provider.GetRequiredService<ResolvedDatabase>();
            Configure(options, database.Provider, database.ConnectionString, provider.GetRequiredService<SqlitePragmaInterceptor>());
            // Features hook into saves (e.g. the event dispatcher) by registering interceptors; Data stays unaware of them.
            options.AddInterceptors(provider.GetServices<IInterceptor>());
        });
        services.AddScoped<DatabaseMigrator>();
        services.AddHostedService<MigrateOnStartup>();
        return services;
    }

    internal static void Configure(DbContextOptionsBuilder options, string provider, string connectionString, SqlitePragmaInterceptor sqlitePragmas)
    {
        if (provider == DatabaseProviders.Postgres)
            options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__migrations_history"));
        else
            options.UseSqlite(connectionString, sqlite => sqlite.MigrationsHistoryTable("__migrations_history")).AddInterceptors(sqlitePragmas);

        // Migrations are written by hand as code (no design-time package here), so there is no model
        // snapshot to compare against; SchemaMatchesModel tests prove migrations and model agree instead.
        options.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
    }
}
