namespace Jobsmith.Core.Notifications.Realtime;

/// <summary>
/// Delivers a live message to every open stream of a user, on whichever web node it is connected to:
/// in-process on one node (SQLite), through PostgreSQL LISTEN/NOTIFY when several nodes share a database.
/// </summary>
public interface IRealtimePublisher
{
    Task PublishAsync(string userId, RealtimeMessage message, CancellationToken cancellationToken);
}

internal sealed class LocalRealtimePublisher(RealtimeBroker broker) : IRealtimePublisher
{
    public Task PublishAsync(string userId, RealtimeMessage message, CancellationToken cancellationToken)
    {
        broker.Publish(userId, message);
        return Task.CompletedTask;
    }
}
