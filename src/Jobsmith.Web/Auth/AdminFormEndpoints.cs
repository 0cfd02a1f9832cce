using Jobsmith.Core.Flags;
using Microsoft.AspNetCore.Mvc;

namespace Jobsmith.Web.Auth;

/// <summary>The admin page's flag switches post here (works without JavaScript), then return to the page.</summary>
public static class AdminFormEndpoints
{
    public static WebApplication MapAdminFormEndpoints(this WebApplication app)
    {
        app.MapPost("/admin/flags/{name}", async (string name, [FromForm] bool enabled, FeatureFlagService flags,
                System.Security.Claims.ClaimsPrincipal user, CancellationToken ct) =>
            await flags.SetAsync(name, enabled, user.UserId(), ct)
                ? Results.LocalRedirect("/admin#flags")
                : Results.NotFound())
            .RequireAuthorization(Policies.Admin)
            .ExcludeFromDescription();
        return app;
    }
}
