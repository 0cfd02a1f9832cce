using System.Net;
using Jobsmith.Core.Data;
using Jobsmith.Tests.TestSupport;
using Jobsmith.Web.Tests.Support;

namespace Jobsmith.Web.Tests;

/// <summary>The host as shipped starts, reports ready, and registers a user promptly on SQLite (L5).</summary>
public sealed class HostStartupTests
{
    [Fact]
    public async Task The_host_starts_ready_and_registration_does_not_wait_on_the_job_engine()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProviders.Sqlite);
        await using var app = new JobsmithWebApp(database);
        var client = app.CreateApiClient();
        // Registration commits an event in a transaction; nudging Quartz from inside it once held SQLite's write
        // lock against Quartz's own write until the 30 s busy timeout.
        client.Timeout = TimeSpan.FromSeconds(10);
        using (var ready = await client.GetAsync("/readyz"))
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);

        await client.RegisterAsync(ApiCalls.UniqueEmail("prompt"));
    }
}
