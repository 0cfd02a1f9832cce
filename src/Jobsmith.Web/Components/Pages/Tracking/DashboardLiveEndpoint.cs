using System.Security.Claims;
using Jobsmith.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jobsmith.Web.Components.Pages.Tracking;

/// <summary>
/// G1: the dashboard's live panels alone, as HTML, for the page's script to swap in when the notification stream
/// reports a change. The same component the page renders, so the refreshed panels cannot differ from a reload.
/// </summary>
public static class DashboardLiveEndpoint
{
    public static WebApplication MapDashboardLiveEndpoint(this WebApplication app)
    {
        app.MapGet("/dashboard/live", (ClaimsPrincipal user, HttpContext http) =>
        {
            http.Response.Headers.CacheControl = "private, no-store";
            return new RazorComponentResult<DashboardLive>(new Dictionary<string, object?> { [nameof(DashboardLive.UserId)] = user.UserId() });
        }).RequireAuthorization(Policies.Candidate).ExcludeFromDescription();
        return app;
    }
}
