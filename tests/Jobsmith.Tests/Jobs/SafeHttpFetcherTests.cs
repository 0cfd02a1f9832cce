using System.Diagnostics;
using System.Net;
using Jobsmith.Core.Jobs.Fetching;
using Jobsmith.Core.Jobs.Sources;
using Microsoft.AspNetCore.Http;

namespace Jobsmith.Tests.Jobs;

public sealed class SafeHttpFetcherTests
{
    private static readonly SourceDescriptor Source = new("test", "Jobs.Sources.Test", true, SourceRateLimit.PerSecond(50));

    [Theory]
    [InlineData("10.1.2.3")]
    [InlineData("172.20.0.1")]
    [InlineData("192.168.1.1")]
    [InlineData("169.254.169.254")]
    [InlineData("100.64.0.1")]
    [InlineData("0.0.0.0")]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    [InlineData("fe80::1")]
    [InlineData("fd00::1")]
    [InlineData("::ffff:10.0.0.1")]
    [InlineData("224.0.0.1")]
    [InlineData("192.0.2.10")]
    [InlineData("198.51.100.7")]
    [InlineData("203.0.113.9")]
    [InlineData("198.18.0.1")]
    [InlineData("198.19.255.254")]
    [InlineData("100.127.255.254")]
    [InlineData("255.255.255.255")]
    [InlineData("239.255.255.250")]
    [InlineData("::ffff:203.0.113.9")]
    [InlineData("2001:db8::1")]
    [InlineData("ff02::1")]
    public void Internal_addresses_are_not_allowed(string address) =>
        Assert.False(AddressPolicy.IsAllowed(IPAddress.Parse(address), allowLoopback: false));

    [Theory]
    [InlineData("93.184.215.14")]
    [InlineData("2606:4700::6810:84e5")]
    public void Public_addresses_are_allowed(string address) =>
        Assert.True(AddressPolicy.IsAllowed(IPAddress.Parse(address), allowLoopback: false));

    [Fact]
    public void This_hosts_own_interface_addresses_are_not_allowed()
    {
        var own = System.Net.NetworkInformation.NetworkInterface.GetAllNetworkInterfaces()
            .SelectMany(i => i.GetIPProperties().UnicastAddresses).Select(u => u.Address).Where(a => !IPAddress.IsLoopback(a)).ToList();
        Assert.All(own, a => Assert.False(AddressPolicy.IsAllowed(a, allowLoopback: true), $"{a} is this host's own address"));
    }

    [Theory]
    [InlineData(503, false)]
    [InlineData(500, false)]
    [InlineData(404, true)]
    [InlineData(403, true)]
    public async Task An_unavailable_robots_txt_disallows_and_a_missing_one_allows(int robotsStatus, bool allowed)
    {
        await using var server = await ReplayServer.StartAsync();
        server.Handle("/robots.txt", ctx => { ctx.Response.StatusCode = robotsStatus; return Task.CompletedTask; });
        server.Serve("/jobs/1", "<html><body>job</body></html>");
        using var fetcher = TestFetchers.Loopback(o => o.MaxRetryAttempts = 0);

        var fetch = fetcher.FetchAsync(new FetchRequest(server.Url("/jobs/1"), Source) { IsHtmlPage = true }, CancellationToken.None);

        if (allowed) Assert.Contains("job", (await fetch).Body, StringComparison.Ordinal);
        else Assert.Equal(FetchFailure.RobotsDisallowed, (await Assert.ThrowsAsync<FetchException>(() => fetch)).Failure);
    }

    [Fact]
    public void The_loopback_switch_never_opens_private_ranges()
    {
        Assert.True(AddressPolicy.IsAllowed(IPAddress.Loopback, allowLoopback: true));
        Assert.False(AddressPolicy.IsAllowed(IPAddress.Parse("10.0.0.1"), allowLoopback: true));
        Assert.False(AddressPolicy.IsAllowed(IPAddress.Parse("169.254.169.254"), allowLoopback: true));
    }

    [Fact]
    public async Task Loopback_is_refused_at_connect_time_without_the_test_switch()
    {
        await using var server = await ReplayServer.StartAsync();
        server.Serve("/x", "{}");
        using var fetcher = new SafeHttpFetcher(new FetcherOptions { MaxRetryAttempts = 0 }, TimeProvider.System);
        var byName = new UriBuilder(server.Url("/x")) { Host = "localhost" }.Uri;

        foreach (var url in new[] { server.Url("/x"), byName })
        {
            var error = await Assert.ThrowsAsync<FetchException>(() => fetcher.FetchAsync(new FetchRequest(url, Source), CancellationToken.None));
            Assert.Equal(FetchFailure.Refused, error.Failure);
        }
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task A_redirect_to_a_private_address_is_refused()
    {
        await using var server = await ReplayServer.StartAsync();
        server.Handle("/go", ctx =>
        {
            ctx.Response.Redirect("http://169.254.169.254/latest/meta-data/");
            return Task.CompletedTask;
        });
        using var fetcher = TestFetchers.Loopback();

        var error = await Assert.ThrowsAsync<FetchException>(() => fetcher.FetchAsync(new FetchRequest(server.Url("/go"), Source), CancellationToken.None));

        Assert.Equal(FetchFailure.Refused, error.Failure);
        Assert.Contains("169.254.169.254", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Redirects_are_followed_and_non_web_schemes_refused()
    {
        await using var server = await ReplayServer.StartAsync();
        server.Handle("/old", ctx => { ctx.Response.Redirect("/new"); return Task.CompletedTask; });
        server.Serve("/new", "{\"ok\":true}");
        server.Handle("/file", ctx => { ctx.Response.Redirect("file:///etc/passwd"); return Task.CompletedTask; });
        using var fetcher = TestFetchers.Loopback();

        var response = await fetcher.FetchAsync(new FetchRequest(server.Url("/old"), Source), CancellationToken.None);
        var error = await Assert.ThrowsAsync<FetchException>(() => fetcher.FetchAsync(new FetchRequest(server.Url("/file"), Source), CancellationToken.None));

        Assert.Equal((server.Url("/new"), "{\"ok\":true}"), (response.FinalUrl, response.Body));
        Assert.Equal(FetchFailure.Refused, error.Failure);
    }

    [Fact]
    public async Task Transient_failures_are_retried_with_backoff()
    {
        await using var server = await ReplayServer.StartAsync();
        var calls = 0;
        server.Handle("/flaky", async ctx =>
        {
            if (Interlocked.Increment(ref calls) < 3) { ctx.Response.StatusCode = 503; return; }
            await ctx.Response.WriteAsync("{}");
        });
        server.Handle("/missing", ctx => { ctx.Response.StatusCode = 404; return Task.CompletedTask; });
        using var fetcher = TestFetchers.Loopback();

        var response = await fetcher.FetchAsync(new FetchRequest(server.Url("/flaky"), Source), CancellationToken.None);
        var notFound = await Assert.ThrowsAsync<FetchException>(() => fetcher.FetchAsync(new FetchRequest(server.Url("/missing"), Source), CancellationToken.None));

        Assert.Equal((3, "{}"), (calls, response.Body));
        Assert.Equal(404, notFound.StatusCode);
        Assert.Single(server.Requests, r => r.PathAndQuery == "/missing");
    }

    [Fact]
    public async Task The_circuit_opens_per_source_after_repeated_failures()
    {
        await using var server = await ReplayServer.StartAsync();
        server.Handle("/down", ctx => { ctx.Response.StatusCode = 500; return Task.CompletedTask; });
        server.Serve("/up", "{}");
        using var fetcher = TestFetchers.Loopback(o => o.MaxRetryAttempts = 0);
        var other = Source with { Kind = "other" };

        var failures = new List<FetchFailure>();
        for (var i = 0; i < 6; i++)
            failures.Add((await Assert.ThrowsAsync<FetchException>(() => fetcher.FetchAsync(new FetchRequest(server.Url("/down"), Source), CancellationToken.None))).Failure);
        var otherSource = await fetcher.FetchAsync(new FetchRequest(server.Url("/up"), other), CancellationToken.None);

        Assert.Equal(FetchFailure.CircuitOpen, failures[^1]);
        Assert.True(server.Requests.Count(r => r.PathAndQuery == "/down") < 6);
        Assert.Equal("{}", otherSource.Body);
    }

    [Fact]
    public async Task Slow_responses_time_out()
    {
        await using var server = await ReplayServer.StartAsync();
        server.Handle("/slow", async ctx => await Task.Delay(TimeSpan.FromSeconds(10), ctx.RequestAborted));
        using var fetcher = TestFetchers.Loopback(o => { o.Timeout = TimeSpan.FromMilliseconds(300); o.MaxRetryAttempts = 0; });

        var error = await Assert.ThrowsAsync<FetchException>(() => fetcher.FetchAsync(new FetchRequest(server.Url("/slow"), Source), CancellationToken.None));

        Assert.Equal(FetchFailure.Timeout, error.Failure);
    }

    [Fact]
    public async Task Requests_to_one_source_are_rate_limited()
    {
        await using var server = await ReplayServer.StartAsync();
        server.Serve("/r", "{}");
        using var fetcher = TestFetchers.Loopback();
        var limited = Source with { Kind = "limited", RateLimit = new SourceRateLimit(2, TimeSpan.FromMilliseconds(400)) };

        var clock = Stopwatch.StartNew();
        for (var i = 0; i < 6; i++) await fetcher.FetchAsync(new FetchRequest(server.Url("/r"), limited), CancellationToken.None);

        // 2 immediately, then 2 per 400 ms: the sixth cannot start before two refills.
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(700), $"6 requests took only {clock.ElapsedMilliseconds} ms");
    }

    [Fact]
    public void Robots_rules_pick_our_group_and_the_longest_match()
    {
        var robots = RobotsTxt.Parse("User-agent: *\nDisallow: /\n\nUser-agent: JobsmithBot\nUser-agent: other\nDisallow: /private\nAllow: /private/jobs\nDisallow: /*.pdf$\n", "JobsmithBot");

        Assert.True(robots.IsAllowed("/careers"));
        Assert.False(robots.IsAllowed("/private/x"));
        Assert.True(robots.IsAllowed("/private/jobs/1"));
        Assert.False(robots.IsAllowed("/files/cv.pdf"));
        Assert.True(robots.IsAllowed("/files/cv.pdf?x=1"));
        Assert.False(RobotsTxt.Parse("User-agent: *\nDisallow: /\n", "JobsmithBot").IsAllowed("/jobs"));
        Assert.True(RobotsTxt.Parse("User-agent: *\nDisallow:\n", "JobsmithBot").IsAllowed("/jobs"));
    }
}
