using Jobsmith.Tests.TestSupport;
using Jobsmith.Web.Components;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

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
    private readonly Action<IWebHostBuilder>? _configure;

    /// <param name="configure">More host set-up for one test, such as a log sink to read what the app logged.</param>
    public JobsmithWebApp(TestDatabase database, IReadOnlyDictionary<string, string?>? extraSettings = null, Action<IWebHostBuilder>? configure = null)
    {
        _configure = configure;
        Database = database;
        _settings = new Dictionary<string, string?>(database.Settings())
        {
            // Tests log in many times a minute from one address; only the rate-limit test lowers this.
            ["RateLimits:AuthPerMinute"] = "10000",
            // Many tests fail sign-ins on purpose from this one address; the throttle tests use their own addresses.
            ["Accounts:LoginThrottle:FreeFailuresPerAddress"] = "100000",
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
        _configure?.Invoke(builder);
    }
}

