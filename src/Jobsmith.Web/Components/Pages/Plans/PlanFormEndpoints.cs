using System.Security.Claims;
using Jobsmith.Core.Plans;
using Jobsmith.Core.Plans.Payments;
using Jobsmith.Web.Auth;
using Microsoft.AspNetCore.Mvc;

namespace Jobsmith.Web.Components.Pages.Plans;

/// <summary>
/// The plan page's forms (cookie auth, antiforgery checked by form binding): choose a plan, cancel. A Stripe upgrade
/// sends the browser to the checkout page the provider returned; everything else comes back to /plan.
/// </summary>
public static class PlanFormEndpoints
{
    public static WebApplication MapPlanFormEndpoints(this WebApplication app)
    {
        var group = app.MapGroup("/plan").RequireAuthorization(Policies.Candidate).ExcludeFromDescription();
        group.MapPost("/upgrade", async ([FromForm] string? plan, SubscriptionService subscriptions, ClaimsPrincipal user, CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(plan)) return Back("Choose a plan.");
            try
            {
                var result = await subscriptions.UpgradeAsync(user.UserId(), plan, ct);
                return result.CheckoutUrl is { } url ? Results.Redirect(url.ToString()) : Results.LocalRedirect("/plan?changed=1");
            }
            catch (PlanChangeException ex)
            {
                return Back(ex.Message);
            }
        });
        group.MapPost("/cancel", async (SubscriptionService subscriptions, ClaimsPrincipal user, CancellationToken ct) =>
        {
            try
            {
                await subscriptions.CancelAsync(user.UserId(), ct);
                return Results.LocalRedirect("/plan?cancelled=1");
            }
            catch (PlanChangeException ex)
            {
                return Back(ex.Message);
            }
        });
        return app;
    }

    private static IResult Back(string error) => Results.LocalRedirect($"/plan?error={Uri.EscapeDataString(error)}");
}
