using Jobsmith.Tests.TestSupport;

namespace Jobsmith.Web.Tests.Support;

/// <summary>
/// One host and fresh database per provider, shared by the tests of one class and created on first use, so a
/// class that only runs on SQLite never touches PostgreSQL (and a missing PostgreSQL skips rather than fails).
/// </summary>
public class WebAppFixture : IAsyncLifetime
{
    private readonly Dictionary<string, Task<JobsmithWebApp>> _apps = [];
    private readonly Lock _gate = new();

    /// <summary>Extra configuration for every host of this fixture (the rate-limit test lowers the limit).</summary>
    protected virtual IReadOnlyDictionary<string, string?> ExtraSettings { get; } = new Dictionary<string, string?>();

    public Task<JobsmithWebApp> AppAsync(string provider)
    {
        lock (_gate)
        {
            if (!_apps.TryGetValue(provider, out var app))
                _apps[provider] = app = StartAsync(provider);
            return app;
        }
    }

    private async Task<JobsmithWebApp> StartAsync(string provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var app = new JobsmithWebApp(database, ExtraSettings);
        try
        {
            app.StartServer();
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            await database.DisposeAsync();
            throw;
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var pending in _apps.Values)
        {
            if (!pending.IsCompletedSuccessfully) continue;
            var app = await pending;
            await app.DisposeAsync();
            await app.Database.DisposeAsync();
        }
    }
}
