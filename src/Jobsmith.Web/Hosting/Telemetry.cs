using Jobsmith.Core.Agents;
using OpenTelemetry.Metrics;

namespace Jobsmith.Web.Hosting;

/// <summary>Options section "Metrics" (I1).</summary>
public sealed class MetricsOptions
{
    public const string Section = "Metrics";

    /// <summary>
    /// Where Prometheus scrapes, e.g. http://127.0.0.1:9464/ (the path is /metrics under it). Empty: no exporter. A
    /// listener of its own, on another port than the app, so the metrics never sit on the public surface.
    /// </summary>
    public string? PrometheusUrl { get; set; }
}

internal static class Telemetry
{
    /// <summary>Agent, model-call, HTTP and runtime metrics through OpenTelemetry, exported when Metrics:PrometheusUrl is set.</summary>
    public static IServiceCollection AddJobsmithTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(MetricsOptions.Section).Get<MetricsOptions>() ?? new MetricsOptions();
        if (string.IsNullOrWhiteSpace(options.PrometheusUrl)) return services;
        if (!Uri.TryCreate(options.PrometheusUrl, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttp)
            throw new InvalidOperationException("Metrics:PrometheusUrl must be an absolute http URL such as http://127.0.0.1:9464/");

        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(AgentMetrics.MeterName)
            .AddAspNetCoreInstrumentation()
            .AddRuntimeInstrumentation()
            .AddPrometheusHttpListener(listener =>
            {
                listener.Host = url.Host;
                listener.Port = url.Port;
            }));
        return services;
    }
}
