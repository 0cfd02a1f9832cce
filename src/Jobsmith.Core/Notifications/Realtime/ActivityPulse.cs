using Microsoft.Extensions.Logging;

namespace Jobsmith.Core.Notifications.Realtime;

/// <summary>
/// G1: tells a user's open pages that something of theirs changed (an application moved, an agent ran), so a live
/// page such as the dashboard reloads its panels. Carries no content — the page reads its own data again, scoped to
/// the user as always — and is best effort: a lost pulse costs freshness, never data.
/// </summary>
public sealed class ActivityPulse(IRealtimePublisher publisher, TimeProvider clock, ILogger<ActivityPulse> logger)
{
    /// <summary>The realtime message type of a pulse; pages show no toast for it.</summary>
    public const string Type = "activity";

    public async Task PulseAsync(IEnumerable<string?> userIds, CancellationToken cancellationToken)
    {
        foreach (var userId in userIds.OfType<string>().Distinct(StringComparer.Ordinal))
        {
            try
            {
                await publisher.PublishAsync(userId, new RealtimeMessage(Type, Guid.Empty, "", "", clock.GetUtcNow().UtcDateTime), cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogDebug(ex, "Activity pulse not delivered; open pages refresh on the next one");
            }
        }
    }
}
