using Microsoft.Extensions.DependencyInjection;
using System.Net;

namespace Jobsmith.Web.Tests.Jobs;

public sealed class JobPagesTests
{
    [SkippableFact]
    public async Task Job_list_filters_and_admin_sources_page_shows_status()
    {
        await using var app = await JobsWebFactory.CreateAsync();
        await JobSeed.ImportAsync(app.Services, JobSeed.TwoJobs);
        var candidate = await app.ClientAsync("candidate");
        var admin = await app.ClientAsync("admin");

        var all = await candidate.GetStringAsync("/jobs");
        var remote = await candidate.GetStringAsync("/jobs?remote=remote");
        var bad = await candidate.GetStringAsync("/jobs?salaryMin=lots");
        var sources = await admin.GetStringAsync("/admin/sources");

        Assert.Contains("Senior Rust Engineer", all, StringComparison.Ordinal);
        Assert.Contains("Barista", all, StringComparison.Ordinal);
        Assert.Contains("Senior Rust Engineer", remote, StringComparison.Ordinal);
        Assert.DoesNotContain("Barista", remote, StringComparison.Ordinal);
        Assert.Contains("salaryMin must be a number.", bad, StringComparison.Ordinal);
        Assert.Contains("id=\"linkedin\"", sources, StringComparison.Ordinal);
        Assert.Contains("(off by default)", sources, StringComparison.Ordinal);
        Assert.Contains("action=\"/admin/sources/ashby/run\"", sources, StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, (await candidate.GetAsync("/admin/sources")).StatusCode);
    }

    [SkippableFact]
    public async Task Admin_sources_form_saves_settings_and_requires_the_antiforgery_token()
    {
        await using var app = await JobsWebFactory.CreateAsync();
        var admin = await app.ClientAsync("admin");
        var page = await admin.GetStringAsync("/admin/sources");
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(token);
        var fields = new Dictionary<string, string>
        {
            ["enabled"] = "true", ["intervalMinutes"] = "90", ["targets"] = "secoda\nacme", ["keyName"] = "api_key", ["keyValue"] = "jooble-secret-1",
        };

        var withoutToken = await admin.PostAsync("/admin/sources/jooble", new FormUrlEncodedContent(fields));
        var saved = await admin.PostAsync("/admin/sources/jooble", new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token))));
        var after = await admin.GetStringAsync("/admin/sources");

        Assert.NotEqual(HttpStatusCode.OK, withoutToken.StatusCode);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Contains("value=\"90\"", after, StringComparison.Ordinal);
        Assert.Contains("acme", after, StringComparison.Ordinal);
        await using var scope = app.Services.CreateAsyncScope();
        var view = await scope.ServiceProvider.GetRequiredService<Core.Jobs.Search.SourceSettings>().GetAsync("jooble", default);
        Assert.Equal((true, 90), (view!.Enabled, view.IntervalMinutes));
        Assert.Equal(["secoda", "acme"], view.Targets);
        Assert.Contains("api_key", after, StringComparison.Ordinal);
        Assert.DoesNotContain("jooble-secret-1", after, StringComparison.Ordinal);
    }
}
