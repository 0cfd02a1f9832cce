using Jobsmith.Core.Jobs.Fetching;
using Jobsmith.Core.Jobs.Sources;

namespace Jobsmith.Tests.Jobs;

/// <summary>Each source's live path against a local stand-in: the request it sends, paging, and missing settings.</summary>
public sealed class SourceRequestTests : IAsyncLifetime
{
    private ReplayServer _server = null!;
    private SafeHttpFetcher _fetcher = null!;

    public async Task InitializeAsync()
    {
        _server = await ReplayServer.StartAsync();
        _server.Serve("/robots.txt", "User-agent: *\nAllow: /\n", "text/plain");
        _fetcher = TestFetchers.Loopback();
    }

    public async Task DisposeAsync()
    {
        _fetcher.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Board_apis_request_their_documented_paths()
    {
        _server.Serve("/v0/postings/northwind?mode=json", TestFetchers.Recording("lever.json"));
        _server.Serve("/api/v1/widget/accounts/fabrikam?details=true", TestFetchers.Recording("workable.json"));

        var lever = await new LeverSource(_fetcher, _server.BaseUrl).FetchAsync(new JobSourceQuery("northwind"), CancellationToken.None);
        var workable = await new WorkableSource(_fetcher, _server.BaseUrl).FetchAsync(new JobSourceQuery("fabrikam"), CancellationToken.None);
        var refused = await new LeverSource(_fetcher, _server.BaseUrl).FetchAsync(new JobSourceQuery("../admin"), CancellationToken.None);

        Assert.Equal((2, "northwind"), (lever.Postings.Count, lever.Postings[0].Company));
        Assert.Equal(2, workable.Postings.Count);
        Assert.Contains("is not a valid Lever company name", Assert.Single(refused.Errors).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Aggregators_send_keys_and_keywords_and_stop_paging_on_a_short_page()
    {
        _server.Serve("/v1/api/jobs/gb/search/1", TestFetchers.Recording("adzuna.json"));
        _server.Serve("/api/secret-key", TestFetchers.Recording("jooble.json"));
        var query = new JobSourceQuery("") { Keywords = "java developer", Location = "Manchester", Credentials = new Dictionary<string, string> { ["app_id"] = "id1", ["app_key"] = "k1", ["api_key"] = "secret-key" }, MaxPages = 1 };

        var adzuna = await new AdzunaSource(_fetcher, _server.BaseUrl).FetchAsync(query, CancellationToken.None);
        var jooble = await new JoobleSource(_fetcher, _server.BaseUrl).FetchAsync(query, CancellationToken.None);
        var noKeys = await new AdzunaSource(_fetcher, _server.BaseUrl).FetchAsync(new JobSourceQuery(""), CancellationToken.None);

        Assert.Equal(2, adzuna.Postings.Count);
        Assert.Contains(_server.Requests, r => r.PathAndQuery == "/v1/api/jobs/gb/search/1?app_id=id1&app_key=k1&what=java%20developer&where=Manchester&results_per_page=50");
        Assert.Single(jooble.Postings);
        Assert.Contains(_server.Requests, r => r.PathAndQuery == "/api/secret-key" && r.Body!.Contains("\"keywords\":\"java developer\"", StringComparison.Ordinal));
        Assert.Equal("this source needs the credential 'app_id'; add it in the source settings", Assert.Single(noKeys.Errors).Reason);
    }

    [Fact]
    public async Task Keyless_boards_and_feeds()
    {
        _server.Serve("/api/remote-jobs?search=ruby&limit=100", TestFetchers.Recording("remotive.json"));
        _server.Serve("/api?tag=devops", TestFetchers.Recording("remoteok.json"));
        _server.Serve("/api/job-board-api?page=1", TestFetchers.Recording("arbeitnow.json"));
        _server.Serve("/api/job-board-api?page=2", "{\"data\":[]}");
        _server.Serve("/feed.xml", TestFetchers.Recording("rss.xml"), "application/rss+xml");

        var remotive = await new RemotiveSource(_fetcher, _server.BaseUrl).FetchAsync(new JobSourceQuery("") { Keywords = "ruby" }, CancellationToken.None);
        var remoteOk = await new RemoteOkSource(_fetcher, _server.BaseUrl).FetchAsync(new JobSourceQuery("") { Keywords = "devops" }, CancellationToken.None);
        var arbeitnow = await new ArbeitnowSource(_fetcher, _server.BaseUrl).FetchAsync(new JobSourceQuery(""), CancellationToken.None);
        var rss = await new RssSource(_fetcher).FetchAsync(new JobSourceQuery(_server.Url("/feed.xml").AbsoluteUri), CancellationToken.None);

        Assert.Equal((1, 1, 2, 2), (remotive.Postings.Count, remoteOk.Postings.Count, arbeitnow.Postings.Count, rss.Postings.Count));
        Assert.DoesNotContain(_server.Requests, r => r.PathAndQuery == "/api/job-board-api?page=3");
    }

    [Fact]
    public async Task Big_boards_fetch_their_guest_pages_and_honour_robots()
    {
        _server.Serve("/jobs-guest/jobs/api/seeMoreJobPostings/search", TestFetchers.Recording("linkedin.html"), "text/html");
        _server.Serve("/jobs", TestFetchers.Recording("indeed.html"), "text/html");
        _server.Serve("/jobapi/v3/search", TestFetchers.Recording("naukri.json"));
        var query = new JobSourceQuery("") { Keywords = "engineer", MaxPages = 1 };

        var linkedIn = await new LinkedInSource(_fetcher, _server.BaseUrl).FetchAsync(query, CancellationToken.None);
        var indeed = await new IndeedSource(_fetcher, _server.BaseUrl).FetchAsync(query, CancellationToken.None);
        var naukri = await new NaukriSource(_fetcher, _server.BaseUrl).FetchAsync(query, CancellationToken.None);
        _server.Serve("/robots.txt", "User-agent: *\nDisallow: /Job/\n", "text/plain");
        using var fresh = TestFetchers.Loopback();
        var glassdoor = await new GlassdoorSource(fresh, _server.BaseUrl).FetchAsync(query, CancellationToken.None);

        Assert.Equal((2, 2, 2), (linkedIn.Postings.Count, indeed.Postings.Count, naukri.Postings.Count));
        Assert.Contains("robots.txt", Assert.Single(glassdoor.Errors).Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(_server.Requests, r => r.PathAndQuery.StartsWith("/Job/", StringComparison.Ordinal));
    }
}
