using System.Net;
using Jobsmith.Core.Data;
using Jobsmith.Web.Tests.Support;

namespace Jobsmith.Web.Tests.Api;

/// <summary>A host whose auth endpoints allow three requests per minute per address.</summary>
public sealed class LowAuthLimitFixture : WebAppFixture
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings { get; } =
        new Dictionary<string, string?> { ["RateLimits:AuthPerMinute"] = "3" };
}

/// <summary>L4: brute force against the sign-in endpoints is throttled per client address.</summary>
public sealed class RateLimitTests(LowAuthLimitFixture fixture) : IClassFixture<LowAuthLimitFixture>
{
    [Fact]
    public async Task The_fourth_login_in_a_minute_gets_a_429_problem()
    {
        var client = (await fixture.AppAsync(DatabaseProviders.Sqlite)).CreateApiClient();
        var body = new { email = "nobody@jobsmith.test", password = "wrong-password-1" };

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            using var allowed = await client.PostJsonAsync("/api/auth/login", body);
            Assert.Equal(HttpStatusCode.Unauthorized, allowed.StatusCode);
        }
        using var limited = await client.PostJsonAsync("/api/auth/login", body);
        await limited.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.True(limited.Headers.RetryAfter is not null, "a 429 says when to retry");

        // Endpoints outside the auth policy are not throttled with it.
        using var health = await client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }
}
