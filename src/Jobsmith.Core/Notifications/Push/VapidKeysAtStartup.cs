using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Jobsmith.Core.Notifications.Push;

/// <summary>
/// Makes (or loads) the VAPID key pair when the host starts, after migrations, so the first browser to subscribe
/// finds it ready and a broken key store shows in the start-up log rather than at the first notification.
/// </summary>
internal sealed partial class VapidKeysAtStartup(VapidKeys keys, ILogger<VapidKeysAtStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await keys.GetAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Push is one channel among several: the host still starts, and the next use tries again.
            NotReady(logger, e.GetType().Name, e.Message);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Web Push keys are not ready ({Kind}: {Reason}); push notifications will try again when first needed")]
    private static partial void NotReady(ILogger logger, string kind, string reason);
}
