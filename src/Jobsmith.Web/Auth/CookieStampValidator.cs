using Jobsmith.Core.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace Jobsmith.Web.Auth;

/// <summary>
/// Ends browser sessions that the account no longer backs: a password reset (new security stamp), a lockout, a
/// deleted user or changed roles. Checked at most once per interval (Jwt:SessionCheckSeconds, default 60) per cookie,
/// so the database is not hit on every request.
/// </summary>
internal static class CookieStampValidator
{
    private const string CheckedAtKey = ".stamp-checked";

    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var clock = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
        var now = clock.GetUtcNow();
        if (context.Properties.Items.TryGetValue(CheckedAtKey, out var raw)
            && DateTimeOffset.TryParse(raw, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind, out var checkedAt)
            && now - checkedAt < TimeSpan.FromSeconds(context.HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<JwtOptions>>().Value.SessionCheckSeconds))
            return;

        var users = context.HttpContext.RequestServices.GetRequiredService<UserManager<JobsmithUser>>();
        var id = context.Principal?.FindFirst(UserClaims.Subject)?.Value;
        var user = id is null ? null : await users.FindByIdAsync(id);
        if (user is null || await users.IsLockedOutAsync(user) || user.SecurityStamp != context.Principal!.FindFirst(UserClaims.Stamp)?.Value)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(Policies.Cookie);
            return;
        }

        // Re-issue with current roles, so an admin's role change reaches open sessions within the interval.
        context.ReplacePrincipal(UserClaims.Principal(user, await users.GetRolesAsync(user), Policies.Cookie));
        context.Properties.Items[CheckedAtKey] = now.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        context.ShouldRenew = true;
    }
}
