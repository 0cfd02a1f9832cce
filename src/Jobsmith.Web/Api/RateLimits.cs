using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Jobsmith.Web.Api;

/// <summary>Section "RateLimits" (L4): per-IP fixed windows on authentication and public endpoints.</summary>
public sealed class RateLimitOptions
{
    public int AuthPerMinute { get; set; } = 20;
    public int PublicPerMinute { get; set; } = 60;
}

public static class RateLimits
{
    public const string Auth = "auth";
    public const string Public = "public";

    public static IServiceCollection AddJobsmithRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var limits = configuration.GetSection("RateLimits").Get<RateLimitOptions>() ?? new RateLimitOptions();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (context, ct) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                await TypedResults.Problem("Too many requests from this address; try again in a minute.", statusCode: 429, title: "Rate limited")
                    .ExecuteAsync(context.HttpContext);
            };
            o.AddPolicy(Auth, http => PerIp(http, limits.AuthPerMinute));
            o.AddPolicy(Public, http => PerIp(http, limits.PublicPerMinute));
        });
        return services;
    }

    private static RateLimitPartition<string> PerIp(HttpContext http, int perMinute) =>
        RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = perMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
}
