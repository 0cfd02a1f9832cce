using Jobsmith.Core.Data;
using Jobsmith.Core.Hosting;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Quartz;

namespace Jobsmith.Web.Hosting;

/// <summary>L5: /healthz says the process answers; /readyz says the database and the job engine work.</summary>
public static class HealthChecks
{
    private const string Ready = "ready";

    public static IServiceCollection AddJobsmithHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [Ready])
            .AddCheck<JobEngineHealthCheck>("jobs", tags: [Ready]);
        return services;
    }

    public static WebApplication MapJobsmithHealthChecks(this WebApplication app)
    {
        app.MapHealthChecks("/healthz", new() { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/readyz", new()
        {
            Predicate = c => c.Tags.Contains(Ready),
            ResponseWriter = WriteJsonAsync,
        }).AllowAnonymous();
        return app;
    }

    private static Task WriteJsonAsync(HttpContext context, HealthReport report) =>
        context.Response.WriteAsJsonAsync(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), e.Value.Description }),
        });

    private sealed class DatabaseHealthCheck(AppDbContext db) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            await db.Database.CanConnectAsync(cancellationToken)
                ? HealthCheckResult.Healthy($"{db.Database.ProviderName} reachable")
                : HealthCheckResult.Unhealthy("The database cannot be reached.");
    }

    private sealed class JobEngineHealthCheck(ISchedulerFactory schedulers, IOptions<JobsmithOptions> options) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            if (options.Value.Role == ProcessRole.Web)
                return HealthCheckResult.Healthy("web role: background jobs run on worker nodes");
            var scheduler = await schedulers.GetScheduler(cancellationToken);
            return scheduler.Status == SchedulerStatus.Running
                ? HealthCheckResult.Healthy($"scheduler {scheduler.SchedulerInstanceId} running")
                : HealthCheckResult.Unhealthy($"scheduler is {scheduler.Status}");
        }
    }
}
