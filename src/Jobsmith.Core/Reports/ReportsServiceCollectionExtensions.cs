using Microsoft.Extensions.DependencyInjection;

namespace Jobsmith.Core.Reports;

public static class ReportsServiceCollectionExtensions
{
    /// <summary>Weekly reports (G4); the sweep job is scheduled with the other periodic jobs in AddAgents.</summary>
    public static IServiceCollection AddReports(this IServiceCollection services)
    {
        services.AddScoped<WeeklyReportBuilder>();
        services.AddScoped<WeeklyReports>();
        services.AddScoped<WeeklyReportEmails>();
        services.AddScoped<WeeklyReportSweep>();
        return services;
    }
}
