using System.Security.Claims;
using Jobsmith.Core.Inbox;
using Jobsmith.Web.Auth;
using Microsoft.AspNetCore.Mvc;

namespace Jobsmith.Web.Components.Pages.Inbox;

/// <summary>The inbox page's "file it" form (cookie auth, antiforgery checked by form binding), back to /inbox (G2).</summary>
public static class InboxFormEndpoints
{
    public static WebApplication MapInboxFormEndpoints(this WebApplication app)
    {
        app.MapPost("/inbox/{id:guid}/file", async (Guid id, [FromForm] string? applicationId, ReplyFiling filing, ClaimsPrincipal user, CancellationToken ct) =>
        {
            if (!Guid.TryParse(applicationId, out var application)) return Results.LocalRedirect($"/inbox?error={Uri.EscapeDataString("Choose the application it answers.")}");
            return await filing.FileAsync(user.UserId(), id, application, ct) switch
            {
                FilingStatus.NotFound => Results.LocalRedirect($"/inbox?error={Uri.EscapeDataString("That email or application no longer exists.")}"),
                _ => Results.LocalRedirect("/inbox?filed=1"),
            };
        }).RequireAuthorization(Policies.Candidate).ExcludeFromDescription();
        return app;
    }
}
