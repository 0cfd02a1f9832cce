using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using Jobsmith.Core.Notifications;
using Jobsmith.Core.Notifications.Realtime;
using Jobsmith.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jobsmith.Web.Api;

/// <summary>Notifications (G3): list, mark read, and the per-user Server-Sent Events stream.</summary>
public static class NotificationEndpoints
{
    public static RouteGroupBuilder MapNotificationEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/notifications").WithTags("Notifications").RequireAuthorization();
        group.MapGet("/", async (NotificationCenter center, System.Security.Claims.ClaimsPrincipal user, int? take, CancellationToken ct) =>
            TypedResults.Ok(await center.ListAsync(user.UserId(), take ?? 50, ct)));
        group.MapPut("/{id:guid}/read", MarkReadAsync);
        group.MapPut("/read-all", async (NotificationCenter center, System.Security.Claims.ClaimsPrincipal user, CancellationToken ct) =>
            TypedResults.Ok(new { marked = await center.MarkAllReadAsync(user.UserId(), ct) }));
        group.MapGet("/stream", (RealtimeBroker broker, System.Security.Claims.ClaimsPrincipal user, CancellationToken ct) =>
            TypedResults.ServerSentEvents(StreamAsync(broker, user.UserId(), ct)));
        return api;
    }

    // Scoped by owner: another user's notification id is simply not found (A2).
    private static async Task<Results<NoContent, NotFound>> MarkReadAsync(Guid id, NotificationCenter center, System.Security.Claims.ClaimsPrincipal user, CancellationToken ct) =>
        await center.MarkReadAsync(user.UserId(), id, ct) ? TypedResults.NoContent() : TypedResults.NotFound();

    private static async IAsyncEnumerable<SseItem<RealtimeMessage>> StreamAsync(RealtimeBroker broker, string userId, [EnumeratorCancellation] CancellationToken ct)
    {
        using var subscription = broker.Subscribe(userId);
        // A first event tells the client the stream is live (and lets tests know when to publish).
        yield return new SseItem<RealtimeMessage>(new RealtimeMessage("connected", Guid.Empty, "", "", default), "ready");
        await foreach (var message in subscription.Reader.ReadAllAsync(ct))
            yield return new SseItem<RealtimeMessage>(message, "notification") { EventId = message.Id.ToString() };
    }
}
