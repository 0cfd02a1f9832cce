using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using Jobsmith.Core.Notifications;
using Jobsmith.Core.Notifications.Preferences;
using Jobsmith.Core.Notifications.Realtime;
using Jobsmith.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jobsmith.Web.Api;

/// <summary>A change of delivery preferences; a switch left out keeps its value.</summary>
public sealed record NotificationPreferencesRequest(bool? EmailEnabled, bool? SmsEnabled, bool? PushEnabled, Dictionary<string, ChannelChoice>? Types);

/// <summary>Notifications (G3): list, mark read, delivery preferences per type, the per-user Server-Sent Events stream, and Web Push (<see cref="PushEndpoints"/>).</summary>
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
        group.MapGet("/preferences", async (NotificationPreferences preferences, System.Security.Claims.ClaimsPrincipal user, CancellationToken ct) =>
            TypedResults.Ok(await preferences.GetAsync(user.UserId(), ct)));
        group.MapPut("/preferences", UpdatePreferencesAsync);
        group.MapGet("/stream", (RealtimeBroker broker, System.Security.Claims.ClaimsPrincipal user, CancellationToken ct) =>
            TypedResults.ServerSentEvents(StreamAsync(broker, user.UserId(), ct)));
        group.MapPushEndpoints();
        return api;
    }

    // Types not in the catalogue are refused rather than stored, so a typo does not silently do nothing.
    private static async Task<Results<Ok<NotificationPreferencesView>, ValidationProblem>> UpdatePreferencesAsync(
        NotificationPreferencesRequest? request, NotificationPreferences preferences, System.Security.Claims.ClaimsPrincipal user, CancellationToken ct)
    {
        var unknown = request?.Types?.Keys.Where(t => !NotificationTypes.All.Contains(t)).ToList() ?? [];
        if (unknown.Count > 0)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["types"] = [$"Unknown types: {string.Join(", ", unknown)}. Known: {string.Join(", ", NotificationTypes.All)}."] });
        return TypedResults.Ok(await preferences.UpdateAsync(user.UserId(), request?.EmailEnabled, request?.SmsEnabled, request?.PushEnabled, request?.Types, ct));
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
