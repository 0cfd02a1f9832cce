using Microsoft.Extensions.DependencyInjection;

namespace Jobsmith.Core.Orchestration;

public static class OrchestrationServiceCollectionExtensions
{
    /// <summary>Each candidate's job-search agent (K3): its state, and the matcher and drafter that carry the loop forward.</summary>
    public static IServiceCollection AddOrchestration(this IServiceCollection services)
    {
        services.AddScoped<CandidateAgents>();
        services.AddScoped<Agents.IAgent, AgentMatcher>();
        services.AddScoped<Agents.IAgent, AgentDrafter>();
        services.AddSingleton<Demo.DemoRun>();
        return services;
    }
}
