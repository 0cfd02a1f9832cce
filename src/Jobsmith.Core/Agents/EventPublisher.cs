using System.Text.Json;
using Jobsmith.Core.Data;

namespace Jobsmith.Core.Agents;

/// <summary>
/// Adds an event row to the caller's unit of work: it commits with the state change or not at all
/// (the transactional outbox). Dispatch happens after commit, by <see cref="EventDispatchJob"/>.
/// </summary>
public sealed class EventPublisher(AppDbContext db, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public AgentEvent Publish(string type, string? userId, object payload)
    {
        var now = clock.GetUtcNow();
        var agentEvent = new AgentEvent
        {
            Id = Guid.CreateVersion7(now),
            Type = type,
            UserId = userId,
            PayloadJson = JsonSerializer.Serialize(payload, Json),
            CreatedAt = now.UtcDateTime,
        };
        db.Set<AgentEvent>().Add(agentEvent);
        return agentEvent;
    }
}
