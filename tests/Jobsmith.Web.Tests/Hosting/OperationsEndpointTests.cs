using System.Net;
using System.Text.Json;
using Jobsmith.Core.Data;
using Jobsmith.Web.Tests.Support;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace Jobsmith.Web.Tests.Hosting;

/// <summary>L5 and the API's self-description: health probes, the OpenAPI document, the browsable docs.</summary>
public sealed class OperationsEndpointTests(WebAppFixture fixture) : IClassFixture<WebAppFixture>
{
    [Fact]
    public async Task Liveness_and_readiness_probes_answer()
    {
        var client = (await fixture.AppAsync(DatabaseProviders.Sqlite)).CreateApiClient();
        using (var live = await client.GetAsync("/healthz"))
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);

        using var ready = await client.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var json = JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Healthy", json.GetProperty("status").GetString());
        var checks = json.GetProperty("checks");
        Assert.Equal("Healthy", checks.GetProperty("database").GetProperty("status").GetString());
        Assert.Equal("Healthy", checks.GetProperty("jobs").GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_openapi_document_is_valid_and_lists_the_login_endpoint()
    {
        var client = (await fixture.AppAsync(DatabaseProviders.Sqlite)).CreateApiClient();
        using var response = await client.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var stream = await response.Content.ReadAsStreamAsync();

        var result = await OpenApiDocument.LoadAsync(stream, "json");
        Assert.NotNull(result.Document);
        Assert.Empty(result.Diagnostic?.Errors ?? []);
        Assert.Contains("/api/auth/login", result.Document.Paths.Keys);
        Assert.Contains("/api/admin/flags/{name}", result.Document.Paths.Keys);
    }

    [Fact]
    public async Task The_api_docs_page_serves_the_browsable_ui()
    {
        var client = (await fixture.AppAsync(DatabaseProviders.Sqlite)).CreateApiClient();
        using var entry = await client.GetAsync("/api-docs");
        // The short address either is the page or redirects to it.
        var page = entry.StatusCode == HttpStatusCode.Redirect ? entry.Headers.Location!.ToString() : "/api-docs";

        using var html = await client.GetAsync(page);
        Assert.Equal(HttpStatusCode.OK, html.StatusCode);
        Assert.Equal("text/html", html.Content.Headers.ContentType?.MediaType);
        var text = await html.Content.ReadAsStringAsync();
        Assert.Contains("id=\"swagger-ui\"", text, StringComparison.Ordinal);

        // The page is only useful if its script and the UI bundle (copied from npm at build) are served too.
        using (var init = await client.GetAsync("/api-docs/init.js"))
            Assert.Contains("/openapi/v1.json", await init.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var bundle = await client.GetAsync("/lib/swagger-ui/swagger-ui-bundle.js");
        Assert.Equal(HttpStatusCode.OK, bundle.StatusCode);
    }
}
