using Jobsmith.Core.Jobs;
using Jobsmith.Core.Jobs.Sources;

namespace Jobsmith.Tests.Jobs;

public sealed class JsonLdSourceTests
{
    [Fact]
    public async Task Follows_same_host_pagination_and_reports_a_broken_block()
    {
        await using var server = await ReplayServer.StartAsync();
        server.Serve("/careers", TestFetchers.Recording("jsonld-page1.html"), "text/html");
        server.Serve("/careers?page=2", TestFetchers.Recording("jsonld-page2.html"), "text/html");
        server.Serve("/robots.txt", "User-agent: *\nDisallow: /admin\n", "text/plain");
        using var fetcher = TestFetchers.Loopback();

        var batch = await new JsonLdSource(fetcher).FetchAsync(new JobSourceQuery(server.Url("/careers").AbsoluteUri), CancellationToken.None);

        Assert.Equal(["/robots.txt", "/careers", "/careers?page=2"], server.Requests.Select(r => r.PathAndQuery));
        Assert.Contains("JSON-LD block is not valid JSON", Assert.Single(batch.Errors).Reason, StringComparison.Ordinal);
        var analyst = batch.Postings[0];
        Assert.Equal(("DA-2024-17", "Data Analyst", "Contoso Ltd."), (analyst.ExternalId, analyst.Title, analyst.Company));
        Assert.Equal(["Dublin, Leinster, IE"], analyst.Locations);
        Assert.Equal(new SalaryRange(55000, 65000, "EUR", SalaryPeriod.Year), analyst.Salary);
        Assert.Equal(["SQL", "Python or R"], analyst.Requirements);
        Assert.Equal(new DateTimeOffset(2024, 8, 31, 0, 0, 0, TimeSpan.Zero), analyst.ExpiresAt);
        Assert.Equal(new Uri("https://contoso.example/careers/data-analyst"), analyst.CanonicalUrl);
        var support = batch.Postings[1];
        Assert.Equal((RemoteType.Remote, EmploymentType.PartTime, "Contoso Ltd."), (support.Remote, support.Employment, support.Company));
        Assert.Equal(["Remote (Ireland)"], support.Locations);
    }

    [Fact]
    public async Task Robots_txt_disallow_stops_a_page_fetch()
    {
        await using var server = await ReplayServer.StartAsync();
        server.Serve("/robots.txt", "User-agent: JobsmithBot\nDisallow: /careers\n\nUser-agent: *\nAllow: /\n", "text/plain");
        server.Serve("/careers", TestFetchers.Recording("jsonld-page1.html"), "text/html");
        using var fetcher = TestFetchers.Loopback();

        var batch = await new JsonLdSource(fetcher).FetchAsync(new JobSourceQuery(server.Url("/careers").AbsoluteUri), CancellationToken.None);

        Assert.Empty(batch.Postings);
        Assert.Contains("robots.txt", Assert.Single(batch.Errors).Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(server.Requests, r => r.PathAndQuery == "/careers");
    }

    [Fact]
    public void A_page_without_job_postings_says_so()
    {
        var batch = new JsonLdSource(TestFetchers.Loopback()).Parse("<html><body>Hello</body></html>", new Uri("https://x.example/"));

        Assert.Equal("no schema.org JobPosting JSON-LD on this page", Assert.Single(batch.Errors).Reason);
    }
}
