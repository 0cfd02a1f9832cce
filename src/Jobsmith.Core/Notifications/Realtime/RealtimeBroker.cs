using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Jobsmith.Core.Notifications.Realtime;

public sealed record RealtimeMessage(string Type, Guid Id, string Title, string Body, DateTime CreatedAt);

/// <summary>
/// Fans messages out to the open event streams of one user in this process. Each subscriber has a bounded
/// buffer that drops the oldest message, so a stalled browser tab can never hold memory hostage.
/// Messages reach it from <see cref="IRealtimePublisher"/>: directly on one node, through PostgreSQL
/// LISTEN/NOTIFY when several web nodes share a database.
/// </summary>
public sealed class RealtimeBroker
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<Guid, Channel<RealtimeMessage>>> _subscribers = new();

    public Subscription Subscribe(string userId)
    {
        var channel = Channel.CreateBounded<RealtimeMessage>(new BoundedChannelOptions(100) { FullMode = BoundedChannelFullMode.DropOldest });
        var id = Guid.NewGuid();
        _subscribers.GetOrAdd(userId, _ => new()).TryAdd(id, channel);
        return new Subscription(channel.Reader, () =>
        {
            if (_subscribers.TryGetValue(userId, out var set)) set.TryRemove(id, out _);
            channel.Writer.TryComplete();
        });
    }

    public void Publish(string userId, RealtimeMessage message)
    {
        if (!_subscribers.TryGetValue(userId, out var set)) return;
        foreach (var channel in set.Values) channel.Writer.TryWrite(message);
    }

    public int SubscriberCount(string userId) => _subscribers.TryGetValue(userId, out var set) ? set.Count : 0;

    public sealed class Subscription(ChannelReader<RealtimeMessage> reader, Action dispose) : IDisposable
    {
        public ChannelReader<RealtimeMessage> Reader { get; } = reader;

        public void Dispose() => dispose();
    }
}
