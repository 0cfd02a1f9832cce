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
}
