namespace Jobsmith.Core.Applications;

/// <summary>Who moved an application: an agent of the system, the candidate, a human agent or an admin (F1, F7).</summary>
public sealed record ApplicationActor(string Kind, string? Id)
{
    public const string AgentKind = "agent";
    public const string CandidateKind = "candidate";
    public const string HumanAgentKind = "human_agent";
    public const string AdminKind = "admin";

    public static ApplicationActor Agent(string agentName) => new(AgentKind, agentName);
    public static ApplicationActor Candidate(string userId) => new(CandidateKind, userId);
    public static ApplicationActor HumanAgent(string userId) => new(HumanAgentKind, userId);
    public static ApplicationActor Admin(string userId) => new(AdminKind, userId);
}
