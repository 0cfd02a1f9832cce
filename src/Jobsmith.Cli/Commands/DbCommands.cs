using System.CommandLine;
using Jobsmith.Core.Data;
using Microsoft.Extensions.DependencyInjection;

namespace Jobsmith.Cli.Commands;

internal static class DbCommands
{
    public static Command Build()
    {
        var migrate = new Command("migrate", "Apply pending database migrations (the web host also does this at start-up)");
        migrate.SetAction(async (result, ct) =>
        {
            var global = GlobalOptions.From(result);
            using var host = CliHost.Build(global);
            using var scope = host.Services.CreateScope();
            var applied = await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(ct);
            return CliOutput.Result(global, new { applied },
                applied.Count == 0 ? "The database is up to date." : $"Applied {applied.Count} migration(s): {string.Join(", ", applied)}");
        });
        return new Command("db", "Database maintenance") { migrate };
    }
}
