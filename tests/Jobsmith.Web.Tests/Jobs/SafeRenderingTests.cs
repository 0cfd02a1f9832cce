using System.Net;

namespace Jobsmith.Web.Tests.Jobs;

public sealed class SafeRenderingTests
{
    [SkippableFact]
    public async Task A_posting_with_script_and_img_onerror_renders_as_text()
    {
        await using var app = await JobsWebFactory.CreateAsync();
        await JobSeed.ImportAsync(app.Services, JobSeed.Hostile);
        var client = await app.ClientAsync("candidate");
        var list = await client.GetStringAsync("/jobs?text=mallory");
        var id = System.Text.RegularExpressions.Regex.Match(list, "href=\"/jobs/([0-9a-f-]{36})\"").Groups[1].Value;

        var response = await client.GetAsync($"/jobs/{id}");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("<script>alert", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img src=x", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img src=\"x\"", html, StringComparison.OrdinalIgnoreCase);
        // The words are still there, as text a reader can see.
        Assert.Contains("&lt;script&gt;alert(", html, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", html, StringComparison.Ordinal);
    }
}
