using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Jobsmith.Tests.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Jobsmith.Web.Tests.Profiles;

// The CLI also declares a top-level Program (reached through Jobsmith.Tests), so the factory is keyed by a public
// type of the web assembly instead: WebApplicationFactory only uses it to find that assembly's entry point.
using WebEntry = Jobsmith.Web.Components.App;

/// <summary>The real web app on a throw-away database (web role: no background jobs), with helpers to sign candidates up.</summary>
internal sealed class CandidateWebApp : IAsyncDisposable
{
    private readonly TestDatabase _database;
    private readonly WebApplicationFactory<WebEntry> _factory;

    private CandidateWebApp(TestDatabase database, WebApplicationFactory<WebEntry> factory)
    {
        _database = database;
        _factory = factory;
    }

    public string DataFolder => _database.Folder;

    public static async Task<CandidateWebApp> StartAsync(string provider, IReadOnlyDictionary<string, string>? extraSettings = null)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var factory = new WebApplicationFactory<WebEntry>().WithWebHostBuilder(b =>
        {
            foreach (var (key, value) in database.Settings("Web")) b.UseSetting(key, value);
            foreach (var (key, value) in extraSettings ?? new Dictionary<string, string>()) b.UseSetting(key, value);
        });
        return new CandidateWebApp(database, factory);
    }

    public HttpClient Browser() => _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Registers a candidate through the API and returns a client that sends their bearer token.</summary>
    public async Task<HttpClient> CandidateAsync(string email)
    {
        var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        var response = await client.PostAsJsonAsync("/api/auth/register", new { email, password = "a-long-password-1" });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body.GetProperty("accessToken").GetString());
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _database.DisposeAsync();
    }
}
