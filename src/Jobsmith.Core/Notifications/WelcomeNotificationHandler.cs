using Jobsmith.Core.Agents;

namespace Jobsmith.Core.Notifications;

/// <summary>Greets a new candidate and points at the first step; runs as a background agent task.</summary>
internal sealed class WelcomeNotificationHandler(NotificationCenter notifications) : IAgent
{
    public string AgentName => Flags.FeatureFlagCatalog.Notifications;

    public bool Accepts(string eventType) => eventType == EventTypes.AccountRegistered;

    public async Task<AgentOutcome> HandleAsync(AgentEvent agentEvent, CancellationToken cancellationToken)
    {
        if (agentEvent.UserId is null) return new AgentOutcome("no user on the event");
        var n = await notifications.NotifyAsync(agentEvent.UserId, "welcome", "Welcome to Jobsmith",
            "Start with your profile: upload a resume and set your preferences, then the agents can begin.", cancellationToken);
        return new AgentOutcome($"notification {n.Id}");
    }
}
