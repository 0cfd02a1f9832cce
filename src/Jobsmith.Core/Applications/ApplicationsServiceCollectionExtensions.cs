using Jobsmith.Core.Applications.Approval;
using Jobsmith.Core.Applications.Submission;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Jobsmith.Core.Applications;

public static class ApplicationsServiceCollectionExtensions
{
    public static IServiceCollection AddApplications(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SubmissionOptions>().Bind(configuration.GetSection(SubmissionOptions.Section));
        services.AddScoped<ApplicationService>();
        services.AddScoped<ApplicationQueries>();
        services.AddScoped<AdminApplications>();
        services.AddScoped<SendGuard>();
        services.AddScoped<SendVerdicts>();
        services.AddScoped<Suppressions>();
        services.AddScoped<Approvals>();
        services.AddScoped<SubmissionPackages>();
        services.AddScoped<SitePacing>();
        services.AddScoped<ProofStore>();
        services.AddScoped<SubmissionRunner>();
        services.AddScoped<OperatorRun>();
        services.AddScoped<AutoApply.AutoApplyRules>();
        services.AddScoped<Agents.IAgent, AutoApply.AutoApprover>();
        services.AddSingleton<ISubmissionChannel, HumanAgentChannel>();
        services.AddSingleton<ISubmissionChannel, EmailApplicationChannel>();
        services.AddSingleton<ISubmissionChannel, ManualChannel>();
        return services;
    }
}
