using System.Net;
using Jobsmith.Core.Data;
using Jobsmith.Tests.TestSupport;
using Jobsmith.Web.Tests.Support;

namespace Jobsmith.Web.Tests;

/// <summary>The host as shipped, with no test-side service changes, must start and report ready (L5).</summary>
public sealed class HostStartupTests
{
    [Fact]
    public async Task The_host_starts_and_is_ready_without_test_shims()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProviders.Sqlite);
        await using var app = new JobsmithWebApp(database, workarounds: CoreWorkarounds.None);
        var client = app.CreateApiClient();
        using var ready = await client.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

    [Fact]
    public async Task Registration_on_sqlite_completes_promptly_with_the_dispatch_nudge()
    {
        var database = await TestDatabase.CreateAsync(DatabaseProviders.Sqlite);
        var app = new JobsmithWebApp(database, workarounds: CoreWorkarounds.BridgeSchedulerFactory);
        try
        {
            var client = app.CreateApiClient();
            client.Timeout = TimeSpan.FromSeconds(10);
            await client.RegisterAsync(ApiCalls.UniqueEmail("nudge"));
        }
        finally
        {
            // A host stuck on the SQLite lock takes minutes to stop; the test must not hang the suite with it.
            await Task.WhenAny(Task.Run(async () =>
            {
                await app.DisposeAsync();
                await database.DisposeAsync();
            }), Task.Delay(TimeSpan.FromSeconds(5)));
        }
    }
}
