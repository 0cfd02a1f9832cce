namespace Jobsmith.Core.Flags;

/// <summary>
/// Whether an agent may run now (A4): the platform-wide <see cref="FeatureFlagCatalog.AiAgents"/> switch and the
/// agent's own flag must both be on. Read from the cached store, so a change by an admin applies without a restart.
/// </summary>
public sealed class AgentSwitches(FeatureFlagStore store)
{
    public async Task<bool> IsOnAsync(string agent, CancellationToken cancellationToken = default)
    {
        var states = await store.GetStatesAsync(cancellationToken);
        return On(states, FeatureFlagCatalog.AiAgents) && On(states, FeatureFlagCatalog.AgentFlag(agent));
    }

    public async Task<bool> IsEnabledAsync(string flag, CancellationToken cancellationToken = default) =>
        On(await store.GetStatesAsync(cancellationToken), flag);

    private static bool On(IReadOnlyDictionary<string, bool> states, string flag) => states.TryGetValue(flag, out var on) && on;
}

/// <summary>An agent asked to work while an admin has switched it off; the message is fit for the user.</summary>
public sealed class AgentSwitchedOffException(string agent)
    : Exception($"The {agent} agent is switched off by the administrator; try again later.")
{
    public string Agent { get; } = agent;
}
