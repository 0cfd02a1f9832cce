using Jobsmith.Core.Agents;

namespace Jobsmith.Core.Accounts;

/// <summary>
/// Sends the account mails that requests only queue (reset links, "your account already exists"), so a slow or
/// failing mail server is retried with backoff by the event job instead of failing or slowing the request.
/// </summary>
internal sealed class AccountMailHandler(PasswordResetService mail) : IAgent
{
    // Account mail goes out with the other notification mail.
    public string AgentName => "notifications";

    public bool Accepts(string eventType) =>
        eventType is EventTypes.PasswordResetRequested or EventTypes.RegistrationForExistingEmail;

    public async Task<AgentOutcome> HandleAsync(AgentEvent agentEvent, CancellationToken cancellationToken)
    {
        if (agentEvent.UserId is null) return new AgentOutcome("no user on the event");
        var sent = agentEvent.Type == EventTypes.PasswordResetRequested
            ? await mail.SendResetMailAsync(agentEvent.UserId, cancellationToken)
            : await mail.SendRegistrationAttemptMailAsync(agentEvent.UserId, cancellationToken);
        return new AgentOutcome(sent ? "mail sent" : "account gone: no mail");
    }
}
