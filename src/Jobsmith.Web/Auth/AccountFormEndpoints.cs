using Jobsmith.Core.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;

namespace Jobsmith.Web.Auth;

/// <summary>
/// The UI's sign-in forms post here (cookie auth, antiforgery-checked form binding) and are redirected back
/// to a page; errors travel as short codes or plain text that the pages render as text.
/// </summary>
public static class AccountFormEndpoints
{
    public static WebApplication MapAccountFormEndpoints(this WebApplication app)
    {
        var account = app.MapGroup("/account").RequireRateLimiting(Api.RateLimits.Auth).ExcludeFromDescription();
        account.MapPost("/login", LoginAsync);
        account.MapPost("/register", RegisterAsync);
        account.MapPost("/logout", async (HttpContext http) =>
        {
            await http.SignOutAsync(Policies.Cookie);
            return Results.LocalRedirect("/");
        });
        account.MapPost("/forgot-password", async ([FromForm] string? email, PasswordResetService reset, CancellationToken ct) =>
        {
            if (!string.IsNullOrWhiteSpace(email)) await reset.RequestAsync(email, ct);
            return Results.LocalRedirect("/forgot-password?sent=1");
        });
        account.MapPost("/reset-password", ResetAsync);
        return app;
    }

    private static async Task<IResult> LoginAsync([FromForm] string? email, [FromForm] string? password, [FromForm] string? returnUrl,
        AccountService accounts, HttpContext http, CancellationToken ct)
    {
        var result = await accounts.CheckPasswordAsync(email ?? "", password ?? "", http.Connection.RemoteIpAddress?.ToString(), ct);
        if (result.Outcome != LoginOutcome.Succeeded)
        {
            var code = result.Outcome switch
            {
                LoginOutcome.Throttled => $"throttled&wait={result.RetryAfterSeconds}",
                LoginOutcome.Suspended => "suspended",
                _ => "invalid",
            };
            return Results.LocalRedirect($"/login?error={code}&email={Uri.EscapeDataString(email ?? "")}");
        }
        await http.SignInAsync(Policies.Cookie, UserClaims.Principal(result.User!, result.Roles, Policies.Cookie));
        return Results.LocalRedirect(SafeReturnUrl(returnUrl));
    }

    private static async Task<IResult> RegisterAsync([FromForm] string? email, [FromForm] string? password, [FromForm] string? displayName,
        AccountService accounts, HttpContext http, CancellationToken ct)
    {
        try
        {
            var user = await accounts.RegisterAsync(email ?? "", password ?? "", displayName, ct);
            await http.SignInAsync(Policies.Cookie, UserClaims.Principal(user, [Roles.Candidate], Policies.Cookie));
            return Results.LocalRedirect("/dashboard");
        }
        catch (AccountException ex)
        {
            return Results.LocalRedirect($"/register?error={Uri.EscapeDataString(ex.Message)}&email={Uri.EscapeDataString(email ?? "")}&displayName={Uri.EscapeDataString(displayName ?? "")}");
        }
    }

    private static async Task<IResult> ResetAsync([FromForm] string? email, [FromForm] string? token, [FromForm] string? newPassword,
        PasswordResetService reset, CancellationToken ct)
    {
        try
        {
            await reset.ResetAsync(email ?? "", token ?? "", newPassword ?? "", ct);
            return Results.LocalRedirect("/login?reset=1");
        }
        catch (AccountException ex)
        {
            return Results.LocalRedirect($"/reset-password?email={Uri.EscapeDataString(email ?? "")}&token={Uri.EscapeDataString(token ?? "")}&error={Uri.EscapeDataString(ex.Message)}");
        }
    }

    // Only same-site paths: an attacker-supplied returnUrl can never bounce a user off-site (open redirect).
    private static string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            ? returnUrl
            : "/dashboard";
}
