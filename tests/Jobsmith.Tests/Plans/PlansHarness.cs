using Jobsmith.Core.Accounts;
using Jobsmith.Core.Data;
using Jobsmith.Tests.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Jobsmith.Tests.Plans;

/// <summary>A clock the test sets and moves by hand, to cross month and period boundaries.</summary>
internal sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;
    public override DateTimeOffset GetUtcNow() => _now;
    public void Set(DateTimeOffset to) => _now = to;
    public void Advance(TimeSpan by) => _now += by;
}

/// <summary>A migrated web-role Core host (no scheduler: the tests run the periodic work themselves) on a test database.</summary>
internal sealed class PlansHarness : IAsyncDisposable
{
    private PlansHarness(TestDatabase database, IHost host, ManualClock clock)
    {
        Database = database;
        Host = host;
        Clock = clock;
    }

    public TestDatabase Database { get; }
    public IHost Host { get; }
    public ManualClock Clock { get; }

    public static async Task<PlansHarness> CreateAsync(string provider, IReadOnlyDictionary<string, string?>? settings = null, DateTimeOffset? start = null)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var clock = new ManualClock(start ?? new DateTimeOffset(2026, 12, 4, 9, 0, 0, TimeSpan.Zero));
        var host = TestHost.Build(database, role: "Web", s =>
        {
            s.AddSingleton<TimeProvider>(clock);
            if (settings is not null)
            {
                var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
                s.Configure<Jobsmith.Core.Plans.PlansOptions>(configuration.GetSection(Jobsmith.Core.Plans.PlansOptions.Section));
            }
        });
        var harness = new PlansHarness(database, host, clock);
        await harness.InScopeAsync(sp => sp.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None));
        return harness;
    }

    public Task<string> AddCandidateAsync(string email) => InScopeAsync(async sp =>
        (await sp.GetRequiredService<AccountService>().RegisterAsync(email, "a-long-password-1", null, CancellationToken.None)).Id);

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public async Task InScopeAsync(Func<IServiceProvider, Task> work)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        await work(scope.ServiceProvider);
    }

    public async ValueTask DisposeAsync()
    {
        Host.Dispose();
        await Database.DisposeAsync();
    }
}
