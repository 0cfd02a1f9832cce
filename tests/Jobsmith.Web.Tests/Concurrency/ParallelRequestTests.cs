using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Jobsmith.Core.Jobs;
using Jobsmith.Core.Jobs.Sources;
using Jobsmith.Core.Jobs.Store;
using Jobsmith.Core.Matching.Store;
using Jobsmith.Tests.TestSupport;
using Jobsmith.Web.Tests.Jobs;
using Jobsmith.Web.Tests.Matching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jobsmith.Web.Tests.Concurrency;

/// <summary>
/// Real parallel requests against the real app (R1): a double-click or two tabs must never give a 500, and the
/// unique indexes that make "never twice" hold must be met with a retry or a join, not an error.
/// </summary>
public sealed class ParallelRequestTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Twenty_uploads_at_once_by_one_new_user_all_succeed_with_distinct_versions(string provider)
    {
        await using var app = await JobsWebFactory.CreateAsync(provider);
        var candidate = await app.ClientAsync("candidate");

        var uploads = Enumerable.Range(1, 20).Select(async i =>
        {
            using var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(MatchApiTests.Resume + $"\nUpload {i}\n")), "file", $"resume-{i}.txt" } };
            using var response = await candidate.PostAsync("/api/candidates/resume/upload", form);
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        });
        var results = await Task.WhenAll(uploads);

        Assert.All(results, r => Assert.True(r.StatusCode == HttpStatusCode.Created, $"{r.StatusCode}: {r.Body}"));
        var listed = await candidate.GetFromJsonAsync<JsonElement>("/api/candidates/resume", Json);
        Assert.Equal(Enumerable.Range(1, 20), listed.GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("versionNumber").GetInt32()).Order());
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Two_match_runs_at_once_never_fail_and_never_show_a_posting_twice(string provider)
    {
        await using var app = await JobsWebFactory.CreateAsync(provider);
        await JobSeed.ImportAsync(app.Services, JobSeed.TwoJobs);
        var candidate = await app.ClientAsync("candidate");
        using (var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(MatchApiTests.Resume)), "file", "resume.txt" } })
            Assert.Equal(HttpStatusCode.Created, (await candidate.PostAsync("/api/candidates/resume/upload", form)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await candidate.PutAsJsonAsync("/api/candidates/preferences", new { titles = new[] { "Software Engineer" }, remotePreference = "any" })).StatusCode);

        for (var round = 0; round < 3; round++)
        {
            var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
            {
                using var response = await candidate.PostAsJsonAsync("/api/matches/run", new { top = 5 });
                return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
            }));
            Assert.All(runs, r => Assert.True(r.StatusCode == HttpStatusCode.OK, $"{r.StatusCode}: {r.Body}"));
            var returned = runs.SelectMany(r => JsonSerializer.Deserialize<MatchRun>(r.Body, Json)!.Matches).Select(m => m.PostingId).ToList();
            Assert.Equal(returned.Count, returned.Distinct().Count());
        }
        var listed = (await candidate.GetFromJsonAsync<List<MatchView>>("/api/matches", Json))!;
        Assert.Equal(2, listed.Count);
        Assert.Equal(2, listed.Select(m => m.PostingId).Distinct().Count());
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Two_runs_storing_the_same_new_postings_at_once_store_each_once(string provider)
    {
        await using var app = await JobsWebFactory.CreateAsync(provider);
        var payload = string.Concat("[", string.Join(",", Enumerable.Range(1, 50).Select(i =>
            $$$"""{"title": "Engineer {{{i}}}", "company": "Acme", "description": "Job {{{i}}}.", "meta": {"canonical": "https://acme.example/jobs/{{{i}}}"}}""")), "]");

        var saves = await Task.WhenAll(Enumerable.Range(0, 6).Select(async _ =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            var ingestion = scope.ServiceProvider.GetRequiredService<JobIngestion>();
            var result = ingestion.ImportPayload(JsonResumeJobSource.Kind, payload, null);
            return await scope.ServiceProvider.GetRequiredService<JobIngestionStore>().SaveAsync(result, CancellationToken.None);
        }));

        Assert.Equal(50, saves.Sum(s => s.Added));
        Assert.Equal(6 * 50, saves.Sum(s => s.Added + s.Updated));
        await using var check = app.Services.CreateAsyncScope();
        var db = check.ServiceProvider.GetRequiredService<Jobsmith.Core.Data.AppDbContext>();
        Assert.Equal(50, await db.Set<StoredPosting>().CountAsync());
    }
}
