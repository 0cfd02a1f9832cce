using Microsoft.Extensions.DependencyInjection;

namespace Jobsmith.Core.HumanAgents;

public static class HumanAgentsServiceCollectionExtensions
{
    public static IServiceCollection AddHumanAgents(this IServiceCollection services)
    {
        services.AddScoped<HumanAgentRoster>();
        services.AddScoped<AgentAssignments>();
        services.AddScoped<HumanAgentAdmin>();
        services.AddSingleton<ProofFiles>();
        services.AddScoped<Agents.IAgent, EscalationRouter>();
        return services;
    }
}
