using System.Security.Claims;
using Jobsmith.Core.Notifications.Push;
using Jobsmith.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jobsmith.Web.Api;

/// <summary>The server's public VAPID key, as browsers pass it to PushManager.subscribe.</summary>
public sealed record PushKeyResponse(string PublicKey);

/// <summary>
/// Web Push (G3) under /api/notifications/push: the key a browser subscribes with, and the signed-in user's own
/// browsers. Every query is scoped to the caller, so another user's endpoint is neither listed nor deleted.
/// </summary>
public static class PushEndpoints
{
    public static RouteGroupBuilder MapPushEndpoints(this RouteGroupBuilder notifications)
    {
        var push = notifications.MapGroup("/push");
        push.MapGet("/key", async (VapidKeys keys, CancellationToken ct) =>
            TypedResults.Ok(new PushKeyResponse((await keys.GetAsync(ct)).PublicKey)));
        push.MapGet("/subscriptions", async (PushSubscriptions subscriptions, ClaimsPrincipal user, CancellationToken ct) =>
            TypedResults.Ok(await subscriptions.ListAsync(user.UserId(), ct)));
        push.MapPost("/subscriptions", SubscribeAsync);
        push.MapDelete("/subscriptions", UnsubscribeAsync);
        return notifications;
    }

    private static async Task<Results<Ok<PushSubscriptionView>, ValidationProblem>> SubscribeAsync(
        PushSubscribeRequest? request, PushSubscriptions subscriptions, ClaimsPrincipal user, HttpRequest http, CancellationToken ct)
    {
        var problems = await subscriptions.ProblemsAsync(request, ct);
        if (problems.Count > 0) return TypedResults.ValidationProblem(problems);
        return TypedResults.Ok(await subscriptions.SubscribeAsync(user.UserId(), request!, http.Headers.UserAgent.ToString(), ct));
    }

    private static async Task<Results<NoContent, NotFound, ValidationProblem>> UnsubscribeAsync(
        string? endpoint, PushSubscriptions subscriptions, ClaimsPrincipal user, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(endpoint))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["endpoint"] = ["endpoint is required (the subscription's push URL)."] });
        return await subscriptions.UnsubscribeAsync(user.UserId(), endpoint, ct) ? TypedResults.NoContent() : TypedResults.NotFound();
    }
}
