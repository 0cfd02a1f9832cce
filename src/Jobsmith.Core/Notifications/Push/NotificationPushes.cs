using System.Net;
using Jobsmith.Core.Data;
using Jobsmith.Core.Notifications.Preferences;
using Lib.Net.Http.WebPush;
using Lib.Net.Http.WebPush.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Jobsmith.Core.Notifications.Push;

/// <summary>What one notification's push did: browsers reached, subscriptions removed as gone, and failures.</summary>
public sealed record PushOutcome(int Delivered, int Removed, int Failed)
{
    public static readonly PushOutcome None = new(0, 0, 0);
}

/// <summary>
/// Sends a notification to the user's browsers by Web Push (G3) when their preferences allow it for its type:
/// VAPID-signed, encrypted to each browser (RFC 8291), urgent for interviews and offers. A push service that says
/// the subscription is gone (404/410) has it deleted; any other failure is logged and kept on the subscription.
/// Never throws: the in-app notification is already stored, and push is one channel among several.
/// </summary>
/// <remarks>
/// Results are written with bulk statements, never SaveChanges, because the caller's unit of work may share this
/// context and hold changes it has not saved.
/// </remarks>
public sealed partial class NotificationPushes(AppDbContext db, NotificationPreferences preferences, VapidKeys keys, WebPushTransport transport,
    IOptions<PushOptions> options, TimeProvider clock, ILogger<NotificationPushes> logger)
{
    private enum Result { Delivered, Gone, Failed }

    public async Task<PushOutcome> SendAsync(Notification notification, CancellationToken cancellationToken)
    {
        try
        {
            ArgumentNullException.ThrowIfNull(notification);
            // Browsers first: most users have none, and then this is the only query.
            var browsers = await db.Set<WebPushSubscription>().AsNoTracking().Where(s => s.UserId == notification.UserId).ToListAsync(cancellationToken);
            if (browsers.Count == 0 || !await preferences.WantsPushAsync(notification.UserId, notification.Type, cancellationToken)) return PushOutcome.None;

            var pair = await keys.GetAsync(cancellationToken);
            var payload = PushPayload.Of(notification).ToJson();
            var urgent = notification.Type is NotificationTypes.Interview or NotificationTypes.Offer;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(options.Value.TimeoutSeconds));
            var results = await Task.WhenAll(browsers.Select(b => DeliverAsync(b, payload, urgent, pair, notification, timeout.Token)));
            return await RecordAsync(results, cancellationToken);
        }
        catch (Exception e)
        {
            PushFailed(logger, notification?.Type ?? "?", notification?.Id ?? Guid.Empty, e.GetType().Name, e.Message);
            return PushOutcome.None;
        }
    }

    private async Task<(WebPushSubscription Browser, Result Result, string? Reason)> DeliverAsync(
        WebPushSubscription browser, string payload, bool urgent, VapidKeyPair pair, Notification notification, CancellationToken cancellationToken)
    {
        // One signer per send: the library's signer is not documented as safe to share between threads.
        using var vapid = new VapidAuthentication(pair.PublicKey, pair.PrivateKey) { Subject = options.Value.Subject };
        var subscription = new PushSubscription { Endpoint = browser.Endpoint };
        subscription.SetKey(PushEncryptionKeyName.P256DH, browser.P256dh);
        subscription.SetKey(PushEncryptionKeyName.Auth, browser.Auth);
        var message = new PushMessage(payload)
        {
            Urgency = urgent ? PushMessageUrgency.High : PushMessageUrgency.Normal,
            TimeToLive = options.Value.TimeToLiveSeconds,
            // A later push of the same notification replaces an undelivered one instead of queueing beside it.
            Topic = notification.Id.ToString("N"),
        };
        try
        {
            await transport.Client.RequestPushMessageDeliveryAsync(subscription, message, vapid, cancellationToken);
            return (browser, Result.Delivered, null);
        }
        catch (PushServiceClientException e) when (e.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Gone)
        {
            return (browser, Result.Gone, null);
        }
        catch (Exception e)
        {
            var reason = Reason(e);
            DeliveryFailed(logger, notification.Type, notification.Id, HostOf(browser.Endpoint), reason);
            return (browser, Result.Failed, reason);
        }
    }

    private async Task<PushOutcome> RecordAsync((WebPushSubscription Browser, Result Result, string? Reason)[] results, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var set = db.Set<WebPushSubscription>();
        var delivered = results.Where(r => r.Result == Result.Delivered).Select(r => r.Browser.Id).ToList();
        if (delivered.Count > 0)
            await set.Where(s => delivered.Contains(s.Id)).ExecuteUpdateAsync(u => u.SetProperty(s => s.LastSuccessAt, now), cancellationToken);
        // Matched on the endpoint too: a browser that moved to another account meanwhile is that account's to keep.
        foreach (var (browser, _, _) in results.Where(r => r.Result == Result.Gone))
            await set.Where(s => s.Id == browser.Id && s.UserId == browser.UserId).ExecuteDeleteAsync(cancellationToken);
        foreach (var (browser, _, reason) in results.Where(r => r.Result == Result.Failed))
            await set.Where(s => s.Id == browser.Id).ExecuteUpdateAsync(u => u.SetProperty(s => s.LastFailureAt, now).SetProperty(s => s.LastFailure, reason), cancellationToken);
        return new PushOutcome(delivered.Count, results.Count(r => r.Result == Result.Gone), results.Count(r => r.Result == Result.Failed));
    }

    // Short and free of secrets: the status or the kind of network failure, never keys, payloads or the endpoint's path.
    private static string Reason(Exception e)
    {
        var text = e switch
        {
            PushServiceClientException push => $"HTTP {(int)push.StatusCode} {push.Message}",
            HttpRequestException { InnerException: PushRefusedException refused } => refused.Message,
            HttpRequestException http => $"could not reach the push service: {http.Message}",
            OperationCanceledException => "the push service did not answer in time",
            _ => $"{e.GetType().Name}: {e.Message}",
        };
        return text.Length <= 300 ? text : text[..300];
    }

    private static string HostOf(string endpoint) => Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) ? uri.Authority : "?";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Push of the {Type} notification {Id} to {Host} failed: {Reason}")]
    private static partial void DeliveryFailed(ILogger logger, string type, Guid id, string host, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The {Type} notification {Id} could not be pushed ({Kind}: {Reason})")]
    private static partial void PushFailed(ILogger logger, string type, Guid id, string kind, string reason);
}
