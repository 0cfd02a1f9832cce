using Jobsmith.Core.Applications.Submission;
using Microsoft.Extensions.DependencyInjection;

namespace Jobsmith.Core.Applications;

public static class ApplicationsServiceCollectionExtensions
{
    public static IServiceCollection AddApplications(this IServiceCollection services)
    {
        services.AddScoped<ApplicationService>();
        services.AddScoped<SendGuard>();
        services.AddScoped<Suppressions>();
        services.AddSingleton<ISubmissionChannel, EmailApplicationChannel>();
        services.AddSingleton<ISubmissionChannel, ManualChannel>();
        return services;
    }
}
