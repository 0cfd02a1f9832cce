using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jobsmith.Core.Jobs.Search;
using Jobsmith.Core.Jobs.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jobsmith.Web.Tests.Jobs;

public sealed class JobApiTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [SkippableFact]
    public async Task Candidates_list_search_and_read_postings_and_bad_queries_are_400()
    {
        await using var app = await JobsWebFactory.CreateAsync();
        await JobSeed.ImportAsync(app.Services, JobSeed.TwoJobs);
        var candidate = await app.ClientAsync("candidate");

        var all = await candidate.GetFromJsonAsync<JobPage>("/api/jobs", Json);
        var remote = await candidate.GetFromJsonAsync<JobPage>("/api/jobs/search?remote=remote", Json);
        var rich = await candidate.GetFromJsonAsync<JobPage>("/api/jobs/search?salaryMin=50000&location=berlin", Json);
        var coffee = await candidate.GetFromJsonAsync<JobPage>("/api/jobs/search?text=COFFEE&source=jsonresume-job", Json);
        var paged = await candidate.GetFromJsonAsync<JobPage>("/api/jobs?page=2&pageSize=1", Json);

        Assert.Equal(2, all!.Total);
        Assert.Equal(["Senior Rust Engineer"], remote!.Items.Select(j => j.Title));
        Assert.Equal(["Senior Rust Engineer"], rich!.Items.Select(j => j.Title));
        Assert.Equal(["Barista"], coffee!.Items.Select(j => j.Title));
        Assert.Equal((2, 1, 2), (paged!.Total, paged.Items.Count, paged.Page));

        var detail = await candidate.GetFromJsonAsync<JobDetail>($"/api/jobs/{remote.Items[0].Id}", Json);
        Assert.Equal("Build a database in Rust.", detail!.DescriptionText);
        Assert.Contains(detail.Skills, s => s.Canonical == "Rust" && detail.DescriptionText[s.Start..s.End] == s.Text);
        Assert.Equal(HttpStatusCode.NotFound, (await candidate.GetAsync($"/api/jobs/{Guid.NewGuid()}")).StatusCode);

        foreach (var bad in new[] { "remote=sometimes", "salaryMin=lots", "salaryMin=-5", "page=0", "pageSize=1000", "status=deleted", "remote=2" })
        {
            var response = await candidate.GetAsync($"/api/jobs/search?{bad}");
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{bad} gave {response.StatusCode}");
            Assert.Contains("\"errors\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync("/api/jobs")).StatusCode);
    }

    [SkippableFact]
    public async Task Only_admins_manage_sources_and_keys_are_write_only()
    {
        await using var app = await JobsWebFactory.CreateAsync();
        var admin = await app.ClientAsync("admin");
        var candidate = await app.ClientAsync("candidate");

        Assert.Equal(HttpStatusCode.Forbidden, (await candidate.GetAsync("/api/admin/sources")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await candidate.PutAsJsonAsync("/api/admin/sources/adzuna", new { enabled = false })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await candidate.PostAsync("/api/admin/sources/adzuna/run", null)).StatusCode);

        var sources = await admin.GetFromJsonAsync<List<SourceView>>("/api/admin/sources", Json);
        Assert.Equal(18, sources!.Count);
        Assert.False(sources.Single(s => s.Kind == "linkedin").Enabled);

        var put = await admin.PutAsJsonAsync("/api/admin/sources/adzuna",
            new { enabled = true, intervalMinutes = 60, targets = new[] { "" }, keys = new Dictionary<string, string> { ["app_id"] = "id-123", ["app_key"] = "sekret-key-456" } });
        var body = await put.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.DoesNotContain("sekret-key-456", body, StringComparison.Ordinal);
        var view = JsonSerializer.Deserialize<SourceView>(body, Json)!;
        Assert.Equal((true, 60), (view.Enabled, view.IntervalMinutes));
        Assert.Equal(["app_id", "app_key"], view.CredentialNames);
        Assert.DoesNotContain("sekret-key-456", await admin.GetStringAsync("/api/admin/sources"), StringComparison.Ordinal);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var stored = await scope.ServiceProvider.GetRequiredService<Core.Data.AppDbContext>().Set<JobSourceSetting>().SingleAsync(s => s.Kind == "adzuna");
            Assert.DoesNotContain("sekret", stored.ProtectedCredentials!, StringComparison.Ordinal);
            var keys = await scope.ServiceProvider.GetRequiredService<SourceSettings>().CredentialsAsync("adzuna", default);
            Assert.Equal("sekret-key-456", keys["app_key"]);
        }

        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PutAsJsonAsync("/api/admin/sources/adzuna", new { intervalMinutes = 1 })).StatusCode);
        // Targets are checked when saved, not only when fetched (issue 8 item 7, C8).
        foreach (var refused in new[] { "http://169.254.169.254/latest/meta-data", "http://10.0.0.8/jobs", "https://203.0.113.5/careers", "http://[::ffff:192.168.1.1]/", "file:///etc/passwd", "http://intranet/jobs", "https://build.internal/feed" })
        {
            var response = await admin.PutAsJsonAsync("/api/admin/sources/jsonld", new { targets = new[] { refused } });
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{refused} was accepted");
        }
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/admin/sources/jsonld", new { targets = new[] { "https://careers.example.com/jobs" } })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PutAsJsonAsync("/api/admin/sources/monster", new { enabled = true })).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await admin.PostAsync("/api/admin/sources/adzuna/run", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync("/api/admin/sources/monster/run", null)).StatusCode);
    }

    [SkippableFact]
    public async Task Candidates_keep_their_own_searches()
    {
        await using var app = await JobsWebFactory.CreateAsync();
        var alice = await app.ClientAsync("candidate");
        var bob = await app.ClientAsync("candidate");

        var created = await alice.PostAsJsonAsync("/api/job-searches", new { titles = new[] { "Rust Engineer" }, locations = new[] { "Berlin" }, remoteOnly = true, sources = new[] { "remotive" }, intervalMinutes = 120 });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var search = (await created.Content.ReadFromJsonAsync<JobSearchView>(Json))!;
        Assert.Equal(HttpStatusCode.BadRequest, (await alice.PostAsJsonAsync("/api/job-searches", new { titles = Array.Empty<string>(), sources = new[] { "monster" } })).StatusCode);

        Assert.Single((await alice.GetFromJsonAsync<List<JobSearchView>>("/api/job-searches", Json))!);
        Assert.Empty((await bob.GetFromJsonAsync<List<JobSearchView>>("/api/job-searches", Json))!);
        Assert.Equal(HttpStatusCode.NotFound, (await bob.DeleteAsync($"/api/job-searches/{search.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await alice.DeleteAsync($"/api/job-searches/{search.Id}")).StatusCode);
    }
}
