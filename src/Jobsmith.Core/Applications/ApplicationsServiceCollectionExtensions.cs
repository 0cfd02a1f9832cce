using Microsoft.Extensions.DependencyInjection;

namespace Jobsmith.Core.Applications;

public static class ApplicationsServiceCollectionExtensions
{
    public static IServiceCollection AddApplications(this IServiceCollection services)
    {
        services.AddScoped<ApplicationService>();
        return services;
    }
}
