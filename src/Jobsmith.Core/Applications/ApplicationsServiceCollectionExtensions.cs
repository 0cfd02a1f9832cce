using Microsoft.Extensions.DependencyInjection;

namespace Jobsmith.Core.Applications;

public static class ApplicationsServiceCollectionExtensions
{
    public static IServiceCollection AddApplications(this IServiceCollection services)
    {
        services.AddScoped<ApplicationService>();
        services.AddScoped<SendGuard>();
        services.AddScoped<SendVerdicts>();
        services.AddScoped<Suppressions>();
        return services;
    }
}
