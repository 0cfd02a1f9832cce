using System.Text.Json;

namespace Jobsmith.Core.HumanAgents;

/// <summary>
/// What an <see cref="Agents.EventTypes.Escalated"/> event carries: always the application and the reason text (as
/// SendGuard writes it); a channel that stopped may add the reason code (one of EscalationReasons) and the page
/// screenshot it saved, as a path relative to the data folder.
/// </summary>
public sealed record EscalationPayload(Guid ApplicationId, string? Reason, string? Code, string? Screenshot)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static EscalationPayload? Parse(string payloadJson)
    {
        try
        {
            var payload = JsonSerializer.Deserialize<EscalationPayload>(payloadJson, Json);
            return payload is { ApplicationId: var id } && id != Guid.Empty ? payload : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
