using Jobsmith.Core.Jobs;
using Jobsmith.Core.Jobs.Sources;
using Jobsmith.Tests.TestSupport;

namespace Jobsmith.Tests.Jobs;

/// <summary>Real Ashby posting-API responses replayed by a local server and fetched through the safe fetcher.</summary>
public sealed class AshbyReplayTests
{
    [SkippableFact]
    public async Task Every_recorded_posting_ingests_without_error()
    {
        var folder = SharedData.Require("jobs", "ashby");
        await using var server = await ReplayServer.StartAsync();
        var boards = Directory.GetFiles(folder, "*.json").ToDictionary(f => Path.GetFileNameWithoutExtension(f), File.ReadAllText);
        foreach (var (board, body) in boards) server.Serve($"/posting-api/job-board/{board}?includeCompensation=true", body);
        using var fetcher = TestFetchers.Loopback();
        var source = new AshbySource(fetcher, server.BaseUrl);

        var total = 0;
        foreach (var board in boards.Keys)
        {
            var batch = await source.FetchAsync(new JobSourceQuery(board), CancellationToken.None);
            Assert.Empty(batch.Errors);
            Assert.Equal(batch.Fetched, batch.Postings.Count);
            Assert.All(batch.Postings, p => Assert.False(string.IsNullOrWhiteSpace(p.Description.Text)));
            total += batch.Postings.Count;
        }

        Assert.Equal(404, total);
        Assert.All(server.Requests, r => Assert.StartsWith("JobsmithBot/", r.UserAgent, StringComparison.Ordinal));
    }

    [SkippableFact]
    public void Hand_checked_fields_of_an_hourly_contract()
    {
        var batch = Parse("anything");
        var job = batch.Postings.Single(p => p.ExternalId == "2012e41b-0e89-4ca3-8135-893226b5f836");

        Assert.Equal("Content Engineer", job.Title);
        Assert.Equal("anything", job.Company);
        Assert.Equal(["San Francisco"], job.Locations);
        Assert.Equal(RemoteType.Onsite, job.Remote);
        Assert.Equal(EmploymentType.Contract, job.Employment);
        Assert.Equal(new SalaryRange(30, 80, "USD", SalaryPeriod.Hour), job.Salary);
        Assert.Equal(new DateTimeOffset(2025, 7, 15, 4, 36, 52, 18, TimeSpan.Zero), job.PostedAt);
        Assert.Equal(ApplicationType.Form, job.Application.Type);
        Assert.Equal("hosted-ats-form:ashbyhq.com", job.Application.Rule);
    }

    [SkippableFact]
    public void Hand_checked_fields_of_a_salaried_role_with_equity()
    {
        var job = Parse("anything").Postings.Single(p => p.ExternalId == "aa65de0a-dc29-4981-87cf-1fd18da7cd74");

        Assert.Equal("Growth (GTM Engineer)", job.Title);
        Assert.Equal(new SalaryRange(100000, 200000, "USD", SalaryPeriod.Year), job.Salary);
        Assert.Equal(EmploymentType.FullTime, job.Employment);
    }

    [SkippableFact]
    public void Hand_checked_fields_of_an_intern_and_a_remote_junior_role()
    {
        var intern = Parse("sorcerer").Postings.Single(p => p.ExternalId == "cb49a442-8104-4585-918e-16b4915216ce");
        Assert.Equal(Seniority.Intern, intern.Seniority);
        Assert.Equal(new SalaryRange(27, 35, "USD", SalaryPeriod.Hour), intern.Salary);

        var junior = Parse("climatiq").Postings.Single(p => p.ExternalId == "5e24f07b-cd2c-415b-9c42-3bc826d469d8");
        Assert.Equal("Junior People Operations Associate", junior.Title);
        Assert.Equal(Seniority.Junior, junior.Seniority);
        Assert.Equal(RemoteType.Remote, junior.Remote);
        Assert.Null(junior.Salary);
        Assert.StartsWith("About Climatiq\n\nWe are a fast-growing climate tech startup", junior.Description.Text, StringComparison.Ordinal);
        Assert.Equal(new Uri("https://jobs.ashbyhq.com/climatiq/5e24f07b-cd2c-415b-9c42-3bc826d469d8/application"), junior.ApplyUrl);
        Assert.Equal(new Uri("https://jobs.ashbyhq.com/climatiq/5e24f07b-cd2c-415b-9c42-3bc826d469d8"), junior.CanonicalUrl);
        Assert.NotNull(junior.Raw);
    }

    [SkippableFact]
    public void Secondary_locations_are_kept()
    {
        var folder = SharedData.Require("jobs", "ashby");
        var all = Directory.GetFiles(folder, "*.json").SelectMany(f => new AshbySource(TestFetchers.Loopback()).Parse(File.ReadAllText(f), new Uri(f)).Postings);

        Assert.Contains(all, p => p.Locations.Count > 1);
        Assert.Contains(all, p => p.Requirements.Count > 0);
    }

    private static SourceBatch Parse(string board)
    {
        var path = SharedData.Require("jobs", "ashby", board + ".json");
        using var fetcher = TestFetchers.Loopback();
        var batch = new AshbySource(fetcher).Parse(File.ReadAllText(path), new Uri(path));
        Assert.Empty(batch.Errors);
        return batch;
    }
}
