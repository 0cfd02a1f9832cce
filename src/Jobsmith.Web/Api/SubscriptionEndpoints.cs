using System.Security.Claims;
using System.Text;
using Jobsmith.Core.Plans;
using Jobsmith.Core.Plans.Payments;
using Jobsmith.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jobsmith.Web.Api;

public sealed record UpgradeRequestBody(string? Plan);

/// <summary>
/// Plans and subscriptions (H1, seed 000's /api/subscriptions/...): the candidate's plan and usage, the plans on
/// offer, upgrade, cancel, and the payment provider's webhook (anonymous; its signature is the authentication).
/// </summary>
public static class SubscriptionEndpoints
{
    /// <summary>Payment events are a few kilobytes; anything far larger is not one.</summary>
    public const int MaxWebhookBytes = 256 * 1024;

    public static RouteGroupBuilder MapSubscriptionEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/subscriptions").WithTags("Subscriptions");
        group.MapGet("/plans", (SubscriptionService plans) => TypedResults.Ok(plans.Plans())).RequireAuthorization();
        group.MapGet("/me", async (SubscriptionService plans, ClaimsPrincipal user, CancellationToken ct) =>
            TypedResults.Ok(await plans.GetAsync(user.UserId(), ct))).RequireAuthorization(Policies.Candidate);
        group.MapPost("/upgrade", UpgradeAsync).RequireAuthorization(Policies.Candidate);
        group.MapPost("/cancel", CancelAsync).RequireAuthorization(Policies.Candidate);
        group.MapPost("/webhook", ReceiveWebhookAsync).AllowAnonymous().ExcludeFromDescription();
        return api;
    }

    private static async Task<Results<Ok<UpgradeResult>, ValidationProblem, ProblemHttpResult>> UpgradeAsync(
        UpgradeRequestBody? body, SubscriptionService plans, ClaimsPrincipal user, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(body?.Plan))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["plan"] = ["plan is required: one of the ids from /api/subscriptions/plans."] });
        try
        {
            return TypedResults.Ok(await plans.UpgradeAsync(user.UserId(), body.Plan, ct));
        }
        catch (PlanChangeException ex)
        {
            return TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status409Conflict, title: "Plan not changed");
        }
    }

    private static async Task<Results<Ok<SubscriptionView>, ProblemHttpResult>> CancelAsync(SubscriptionService plans, ClaimsPrincipal user, CancellationToken ct)
    {
        try
        {
            return TypedResults.Ok(await plans.CancelAsync(user.UserId(), ct));
        }
        catch (PlanChangeException ex)
        {
            return TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status409Conflict, title: "Nothing to cancel");
        }
    }

    // The raw body is what was signed, so it is read as bytes and never re-serialised before verification.
    private static async Task<Results<Ok<PaymentEventResult>, ProblemHttpResult>> ReceiveWebhookAsync(HttpRequest request, PaymentWebhooks webhooks, CancellationToken ct)
    {
        if (request.ContentLength > MaxWebhookBytes)
            return TypedResults.Problem("The webhook body is too large.", statusCode: StatusCodes.Status413PayloadTooLarge);
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, ct);
        if (buffer.Length > MaxWebhookBytes)
            return TypedResults.Problem("The webhook body is too large.", statusCode: StatusCodes.Status413PayloadTooLarge);
        var payload = Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        try
        {
            return TypedResults.Ok(await webhooks.ReceiveAsync(payload, request.Headers[WebhookSignature.Header].ToString(), ct));
        }
        catch (WebhookRejectedException ex)
        {
            return TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status400BadRequest, title: "Webhook refused");
        }
    }
}
