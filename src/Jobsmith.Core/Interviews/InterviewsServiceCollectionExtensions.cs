using Microsoft.Extensions.DependencyInjection;

namespace Jobsmith.Core.Interviews;

public static class InterviewsServiceCollectionExtensions
{
    /// <summary>Interviews (G5); the reminder job is scheduled with the other periodic jobs in AddAgents.</summary>
    public static IServiceCollection AddInterviews(this IServiceCollection services)
    {
        services.AddScoped<InterviewService>();
        services.AddScoped<InterviewReminders>();
        return services;
    }
}
