namespace Jobsmith.Core.Accounts;

/// <summary>The three roles of A2. Recruiters are anonymous visitors and have no role.</summary>
public static class Roles
{
    public const string Candidate = "candidate";
    public const string HumanAgent = "human_agent";
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Candidate, HumanAgent, Admin];
}
