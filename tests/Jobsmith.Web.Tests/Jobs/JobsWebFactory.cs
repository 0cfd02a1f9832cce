using System.Net.Http.Headers;
using System.Net.Http.Json;
using Jobsmith.Core.Accounts;
using Jobsmith.Tests.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Jobsmith.Web.Tests.Jobs;

/// <summary>The real web app on a throw-away database (SQLite unless told), as a web node (no scheduler runs in-process).</summary>
/// <remarks>
/// The type argument only locates the web assembly: <c>Program</c> is ambiguous here because the CLI (referenced
/// through the Core test project) has a top-level <c>Program</c> too.
/// </remarks>
public sealed class JobsWebFactory(TestDatabase database) : WebApplicationFactory<Jobsmith.Web.Api.JobListParameters>
{
    private sealed record TokenReply(string AccessToken);

    public static async Task<JobsWebFactory> CreateAsync(string provider = "sqlite")
    {
        var factory = new JobsWebFactory(await TestDatabase.CreateAsync(provider));
        _ = factory.Server; // start, which migrates the schema
        return factory;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration(c => c.AddInMemoryCollection(new Dictionary<string, string?>(database.Settings("Web"))
        {
            ["RateLimits:AuthPerMinute"] = "1000",
            ["RateLimits:PublicPerMinute"] = "1000",
        }));
    }

    /// <summary>A client carrying a bearer token for a new candidate, or for a new admin.</summary>
    public async Task<HttpClient> ClientAsync(string who)
    {
        var email = $"{who}-{Guid.NewGuid():N}@example.com";
        const string password = "a-long-password-1";
        if (who == "admin")
        {
            await using var scope = Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<AdminAccounts>().EnsureAdminAsync(email, password, default);
        }
        var client = CreateClient();
        var path = who == "admin" ? "/api/auth/login" : "/api/auth/register";
        var response = await client.PostAsJsonAsync(path, new { email, password, displayName = who });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<TokenReply>())!.AccessToken;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await database.DisposeAsync();
    }
}
