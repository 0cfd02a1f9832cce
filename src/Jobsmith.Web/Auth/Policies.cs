using Jobsmith.Core.Accounts;

namespace Jobsmith.Web.Auth;

public static class Policies
{
    public const string Admin = "admin";
    public const string Candidate = "candidate";
    public const string HumanAgent = "human_agent";
    public const string Scheme = "jobsmith";
    public const string Cookie = "cookie";
    public const string Bearer = "bearer";
    public const string CookieName = "jobsmith.auth";

    internal static readonly (string Policy, string Role)[] ByRole =
        [(Admin, Roles.Admin), (Candidate, Roles.Candidate), (HumanAgent, Roles.HumanAgent)];
}
