using Jobsmith.Channels;
using Jobsmith.Core.Ai;
using Jobsmith.Core.Data;
using Jobsmith.Core.Hosting;
using Jobsmith.Core.Profiles;
using Jobsmith.Rendering;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Jobsmith.Cli;

/// <summary>
/// The same Core services the web host uses, on the same data folder. The host is never started, so no
/// background scheduler runs inside a CLI command; commands that need the schema migrate it first.
/// </summary>
internal static class CliHost
{
    /// <param name="settings">Settings this command insists on, over everything else (the demo's own SQLite database).</param>
    public static IHost Build(GlobalOptions global, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = "Production" });
        // A command sends at most one application: no spare form page for a next one (BrowserFormOptions.KeepPageReady);
        // a default, so settings and the environment still win.
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Channels:BrowserForm:KeepPageReady"] = "false" });
        builder.Configuration.AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true);
        builder.Configuration.AddEnvironmentVariables(JobsmithConfiguration.EnvironmentPrefix);
        var overrides = global.Overrides();
        overrides["Jobsmith:DataDirectory"] = global.DataDirectory;
        overrides["Jobsmith:Role"] = nameof(ProcessRole.Web);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) overrides[key] = value;
        builder.Configuration.AddInMemoryCollection(overrides);
        // Logs go to stderr so --json output on stdout stays machine-readable; a command is short, so no timestamps.
        builder.Logging.AddJobsmithConsole(builder.Configuration, toStandardError: true, timestamps: false).SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddJobsmithCore(builder.Configuration);
        builder.Services.AddDocumentRendering();
        // `apply --application` runs the submission runner, which needs every channel the worker has.
        builder.Services.AddBrowserFormChannel(builder.Configuration);
        return builder.Build();
    }

    /// <summary>
    /// Just what parsing a resume needs (the AI provider when one is configured, and the profile parser), with
    /// no database: `profile parse` stays a pure function of its file and leaves no data folder behind.
    /// </summary>
    public static ServiceProvider BuildParsing(GlobalOptions global) => BuildWithoutDatabase(global, services => services.AddProfiles());

    /// <summary>The AI provider (when configured) and the features <paramref name="add"/> registers, with no database.</summary>
    public static ServiceProvider BuildWithoutDatabase(GlobalOptions global, Action<IServiceCollection> add)
    {
        ArgumentNullException.ThrowIfNull(add);
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables(JobsmithConfiguration.EnvironmentPrefix)
            .AddInMemoryCollection(global.Overrides())
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton(TimeProvider.System);
        services.AddLogging(l => l.AddJobsmithConsole(configuration, toStandardError: true, timestamps: false).SetMinimumLevel(LogLevel.Warning));
        services.AddJobsmithAi(configuration);
        add(services);
        return services.BuildServiceProvider();
    }

    public static async Task<IServiceScope> MigratedScopeAsync(IHost host, CancellationToken cancellationToken)
    {
        var scope = host.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
        return scope;
    }
}
