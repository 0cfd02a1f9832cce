using Jobsmith.Tests.TestSupport;
using Jobsmith.Web.Components;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Jobsmith.Core.Data;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Quartz;

namespace Jobsmith.Web.Tests.Support;

/// <summary>
/// The real web host (Program) on Kestrel at 127.0.0.1 with a random port, pointed at a throw-away database.
/// Kestrel rather than the in-memory TestServer so Chromium can reach it and SSE and rate limits see real sockets.
/// </summary>
/// <remarks>
/// The factory is keyed on the Razor root component rather than <c>Program</c>: the CLI (referenced through
/// Jobsmith.Tests) also has a global <c>Program</c>, and the factory only needs a type from the web assembly.
/// </remarks>
public sealed class JobsmithWebApp : WebApplicationFactory<App>
{
    public const string AdminEmail = "admin@jobsmith.test";
    public const string AdminPassword = "admin-password-1";

    private readonly Dictionary<string, string?> _settings;
    private readonly CoreWorkarounds _workarounds;

    public JobsmithWebApp(TestDatabase database, IReadOnlyDictionary<string, string?>? extraSettings = null, CoreWorkarounds workarounds = CoreWorkarounds.All)
    {
        Database = database;
        _workarounds = workarounds;
        _settings = new Dictionary<string, string?>(database.Settings())
        {
            // Tests log in many times a minute from one address; only the rate-limit test lowers this.
            ["RateLimits:AuthPerMinute"] = "10000",
            ["Admin:Email"] = AdminEmail,
            ["Admin:Password"] = AdminPassword,
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in extraSettings ?? new Dictionary<string, string?>())
            _settings[key] = value;
        UseKestrel(0);
    }

    public TestDatabase Database { get; }

    /// <summary>Where the running server listens (starts it on first use).</summary>
    public Uri BaseAddress
    {
        get
        {
            StartServer();
            return ClientOptions.BaseAddress;
        }
    }

    /// <summary>A client without cookies or redirect following: each test states the credentials it sends.</summary>
    public HttpClient CreateApiClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = BaseAddress });

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // UseSetting, not ConfigureAppConfiguration: Program reads some settings while registering services.
        foreach (var (key, value) in _settings)
            builder.UseSetting(key, value);
        builder.ConfigureTestServices(services =>
        {
            if (_workarounds.HasFlag(CoreWorkarounds.BridgeSchedulerFactory)) BridgeSchedulerFactory(services);
            if (_workarounds.HasFlag(CoreWorkarounds.NoDispatchNudgeOnSqlite) && Database.Provider == DatabaseProviders.Sqlite)
                RemoveDispatchNudge(services);
        });
    }

    /// <summary>
    /// Core's EventDispatchNudge triggers a Quartz job from inside a caller's still-open transaction; on SQLite
    /// Quartz's write then waits on that transaction's lock until the 30 s timeout, so registration hangs. The
    /// periodic sweep still dispatches events without it. HostStartupTests keeps the nudge and fails while the bug stands.
    /// The nudge is Core's only IInterceptor service (the SQLite pragmas are added to the options directly).
    /// </summary>
    private static void RemoveDispatchNudge(IServiceCollection services) => services.RemoveAll<IInterceptor>();

    /// <summary>
    /// Core registers its Quartz scheduler by name (keyed services only) while EventDispatchNudge and the /readyz
    /// check ask for the unkeyed ISchedulerFactory, so the host cannot start. Until Core registers it, the
    /// tests forward the unkeyed service to the named scheduler; HostStartupTests runs without it and fails
    /// while the bug stands. Once Core registers the unkeyed factory itself, this adds nothing.
    /// </summary>
    private void BridgeSchedulerFactory(IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(ISchedulerFactory) && !d.IsKeyedService)) return;
        var name = _settings["Agents:SchedulerName"] is { Length: > 0 } configured ? configured : "jobsmith";
        services.AddSingleton(sp => sp.GetRequiredKeyedService<ISchedulerFactory>(name));
    }
}

/// <summary>Test-side stand-ins for Core bugs that stop the host from working; each is proven by a HostStartupTests case.</summary>
[Flags]
public enum CoreWorkarounds
{
    None = 0,
    BridgeSchedulerFactory = 1,
    NoDispatchNudgeOnSqlite = 2,
    All = BridgeSchedulerFactory | NoDispatchNudgeOnSqlite,
}
