using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Jobsmith.Core.Data;
using Jobsmith.Tests.TestSupport;
using Jobsmith.Web.Tests.Support;

namespace Jobsmith.Web.Tests.Admin;

/// <summary>
/// I1 through the running web host: the admin's monitoring API shows an agent's finished run, the candidates list
/// pages, and Prometheus scrapes the agent metrics from a listener of their own — never from the app's public port.
/// </summary>
public sealed class MonitoringTests
{
    [Fact]
    public async Task Admin_sees_agent_runs_and_candidates_and_Prometheus_scrapes_metrics_off_the_public_port()
    {
        var metricsPort = FreePort();
        await using var database = await TestDatabase.CreateAsync(DatabaseProviders.Sqlite);
        await using var app = new JobsmithWebApp(database, new Dictionary<string, string?> { ["Metrics:PrometheusUrl"] = $"http://127.0.0.1:{metricsPort}/" });
        using var client = app.CreateApiClient();
        var admin = (await client.LoginAsync(JobsmithWebApp.AdminEmail, JobsmithWebApp.AdminPassword)).AccessToken;
        var email = ApiCalls.UniqueEmail("monitored");
        var candidate = (await client.RegisterAsync(email)).AccessToken;

        // Registering publishes an event the notifications agent handles: its run shows up for the admin.
        JsonElement monitoring = default;
        await TestHost.WaitUntilAsync(async () =>
        {
            monitoring = await JsonAsync(client, "/api/admin/monitoring?hours=24", admin);
            return monitoring.GetProperty("agents").GetProperty("agents").EnumerateArray()
                .Any(a => a.GetProperty("agent").GetString() == "notifications" && a.GetProperty("completed").GetInt32() >= 1);
        }, TimeSpan.FromSeconds(60), "the registration's notifications run to be listed");
        var run = monitoring.GetProperty("agents").GetProperty("agents").EnumerateArray().Single(a => a.GetProperty("agent").GetString() == "notifications");
        Assert.Equal(1.0, run.GetProperty("successRate").GetDouble());
        Assert.True(run.GetProperty("p50Seconds").GetDouble() >= 0);
        Assert.Equal(0, monitoring.GetProperty("ai").GetProperty("calls").GetInt32());

        var page = await JsonAsync(client, "/api/admin/candidates?q=" + Uri.EscapeDataString(email[..12]), admin);
        var row = Assert.Single(page.GetProperty("candidates").EnumerateArray());
        Assert.Equal(email, row.GetProperty("email").GetString());
        Assert.Equal("stopped", row.GetProperty("agentState").GetString());

        // A candidate may not read it.
        using (var denied = await client.SendAsync(HttpMethod.Get, "/api/admin/monitoring", candidate))
            Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);

        using var scraper = new HttpClient();
        var scraped = await scraper.GetStringAsync(new Uri($"http://127.0.0.1:{metricsPort}/metrics"));
        Assert.Contains("jobsmith_agent_tasks", scraped, StringComparison.Ordinal);
        Assert.Contains("agent=\"notifications\"", scraped, StringComparison.Ordinal);
        Assert.Contains("http_server_request_duration", scraped, StringComparison.Ordinal);
        using var publicMetrics = await client.GetAsync(new Uri(app.BaseAddress, "/metrics"));
        Assert.Equal(HttpStatusCode.NotFound, publicMetrics.StatusCode);
    }

    private static async Task<JsonElement> JsonAsync(HttpClient client, string path, string token)
    {
        using var response = await client.SendAsync(HttpMethod.Get, path, token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
