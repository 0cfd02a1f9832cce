using Jobsmith.Core.Accounts;
using Jobsmith.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Jobsmith.Tests.Profiles.Store;

/// <summary>A migrated web-role Core host (no background jobs) on a test database, with helpers to add users.</summary>
internal sealed class StoreHarness : IAsyncDisposable
{
    private StoreHarness(TestDatabase database, IHost host)
    {
        Database = database;
        Host = host;
    }

    public TestDatabase Database { get; }
    public IHost Host { get; }

    public static async Task<StoreHarness> StartAsync(string provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var host = TestHost.Build(database, role: "Web");
        await host.StartAsync();
        return new StoreHarness(database, host);
    }

    public async Task<string> AddUserAsync(string email)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<AccountService>().RegisterAsync(email, "a-long-password-1", null, default)).Id;
    }

    /// <summary>Runs one unit of work in a fresh scope, as one request would.</summary>
    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync();
        Host.Dispose();
        await Database.DisposeAsync();
    }
}
