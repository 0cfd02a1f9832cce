using Jobsmith.Core.Applications;
using Jobsmith.Core.Accounts;
using Jobsmith.Core.Agents;
using Jobsmith.Core.Ai;
using Jobsmith.Core.Data;
using Jobsmith.Core.Documents;
using Jobsmith.Core.Flags;
using Jobsmith.Core.HumanAgents;
using Jobsmith.Core.Inbox;
using Jobsmith.Core.Jobs;
using Jobsmith.Core.Jobs.Store;
using Jobsmith.Core.Matching.Store;
using Jobsmith.Core.Monitoring;
using Jobsmith.Core.Orchestration;
using Jobsmith.Core.Notifications;
using Jobsmith.Core.Plans;
using Jobsmith.Core.Profiles;
using Jobsmith.Core.Profiles.Store;
using Jobsmith.Core.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

using Jobsmith.Core.Interviews;
using Jobsmith.Core.Reports;

namespace Jobsmith.Core.Hosting;

public static class CoreServiceCollectionExtensions
{
    /// <summary>Registers every Core feature; hosts (web, CLI, tests) call this once.</summary>
    public static IServiceCollection AddJobsmithCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<JobsmithOptions>().BindConfiguration(JobsmithOptions.Section).ValidateOnStart();
        services.AddSingleton(TimeProvider.System);
        services.AddJobsmithData(configuration);
        services.AddAccounts();
        services.AddAudit();
        services.AddNotifications(configuration);
        services.AddFeatureFlags();
        services.AddAgents(configuration);
        services.AddJobsmithAi(configuration);
        services.AddAiUsage();
        services.AddProfiles();
        services.AddProfileStore();
        services.AddJobs();
        services.AddJobStore();
        services.AddMatchingStore();
        services.AddDocuments();
        services.AddApplications(configuration);
        services.AddPlans();
        services.AddHumanAgents();
        services.AddInterviews();
        services.AddScoped<Dashboard.CandidateDashboard>();
        services.AddReports();
        services.AddInbox();
        services.AddOrchestration();
        services.AddMonitoring();
        return services;
    }
}
