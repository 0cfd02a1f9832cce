using Microsoft.Extensions.DependencyInjection;

namespace Jobsmith.Core.Monitoring;

public static class MonitoringServiceCollectionExtensions
{
    /// <summary>The admin's read side of I1: agent health, human-agent load and the candidates list.</summary>
    public static IServiceCollection AddMonitoring(this IServiceCollection services)
    {
        services.AddScoped<AgentMonitor>();
        services.AddScoped<CandidateOverview>();
        return services;
    }
}
