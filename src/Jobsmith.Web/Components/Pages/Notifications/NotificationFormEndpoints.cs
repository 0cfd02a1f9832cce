using System.Security.Claims;
using Jobsmith.Core.Notifications;
using Jobsmith.Web.Auth;

namespace Jobsmith.Web.Components.Pages.Notifications;

/// <summary>The dashboard's "mark read" and "mark all read" buttons (cookie auth, antiforgery checked), back to it (G3).</summary>
public static class NotificationFormEndpoints
{
    public static WebApplication MapNotificationFormEndpoints(this WebApplication app)
    {
        var forms = app.MapGroup("/notifications").RequireAuthorization().ExcludeFromDescription();
        // Another user's id, or one already read, changes nothing; the page shows the list as it is either way.
        forms.MapPost("/{id:guid}/read", async (Guid id, NotificationCenter center, ClaimsPrincipal user, CancellationToken ct) =>
        {
            await center.MarkReadAsync(user.UserId(), id, ct);
            return Results.LocalRedirect("/dashboard#notifications");
        });
        forms.MapPost("/read-all", async (NotificationCenter center, ClaimsPrincipal user, CancellationToken ct) =>
        {
            await center.MarkAllReadAsync(user.UserId(), ct);
            return Results.LocalRedirect("/dashboard#notifications");
        });
        return app;
    }
}
