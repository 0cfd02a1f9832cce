using System.Security.Claims;
using Jobsmith.Core.Ai.Usage;
using Jobsmith.Web.Auth;

namespace Jobsmith.Web.Hosting;

internal static class AiCallAttribution
{
    /// <summary>Model calls made while serving a signed-in user's request are counted for that user (I1).</summary>
    public static IApplicationBuilder UseAiCallAttribution(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var userId = context.User.FindFirstValue(UserClaims.Subject);
        if (userId is null)
        {
            await next(context);
            return;
        }
        using var scope = AiCallScope.Begin(userId: userId, agent: "web");
        await next(context);
    });
}
