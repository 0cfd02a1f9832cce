using Jobsmith.Core.Accounts;
using Jobsmith.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Jobsmith.Web.Api;

public sealed record RegisterRequest(string? Email, string? Password, string? DisplayName);
public sealed record LoginRequest(string? Email, string? Password);
public sealed record RefreshRequest(string? RefreshToken);
public sealed record ForgotPasswordRequest(string? Email);
public sealed record ResetPasswordRequest(string? Email, string? Token, string? NewPassword);
public sealed record MeResponse(string Id, string Email, string DisplayName, IReadOnlyList<string> Roles);
public sealed record AuthResponse(MeResponse User, string AccessToken, string RefreshToken, int ExpiresIn, string TokenType);

/// <summary>Seed 000's /api/auth endpoints (A1): JWT access tokens with rotating refresh tokens.</summary>
public static class AuthEndpoints
{
    public static RouteGroupBuilder MapAuthEndpoints(this RouteGroupBuilder api)
    {
        var auth = api.MapGroup("/auth").WithTags("Auth").RequireRateLimiting(RateLimits.Auth);
        auth.MapPost("/register", RegisterAsync).AllowAnonymous();
        auth.MapPost("/login", LoginAsync).AllowAnonymous();
        auth.MapPost("/refresh", RefreshAsync).AllowAnonymous();
        auth.MapPost("/logout", LogoutAsync).AllowAnonymous();
        auth.MapPost("/forgot-password", ForgotPasswordAsync).AllowAnonymous();
        auth.MapPost("/reset-password", ResetPasswordAsync).AllowAnonymous();
        // Reading who is signed in is no sign-in attempt: pages poll it, so it must not use up the sign-in budget.
        auth.MapGet("/me", MeAsync).RequireAuthorization().DisableRateLimiting();
        return api;
    }

    private static async Task<Results<Created<AuthResponse>, ValidationProblem>> RegisterAsync(
        RegisterRequest request, AccountService accounts, AccessTokenIssuer tokens, CancellationToken ct)
    {
        var check = new Validation().Email("email", request.Email).Required("password", request.Password, 200);
        if (!check.IsValid) return TypedResults.ValidationProblem(check.Errors);
        try
        {
            var user = await accounts.RegisterAsync(request.Email!, request.Password!, request.DisplayName, ct);
            return TypedResults.Created("/api/auth/me", await ResponseAsync(user, [Roles.Candidate], tokens, ct));
        }
        catch (AccountException ex)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["account"] = [.. ex.Errors] });
        }
    }

    private static async Task<Results<Ok<AuthResponse>, ValidationProblem, ProblemHttpResult>> LoginAsync(
        LoginRequest request, AccountService accounts, AccessTokenIssuer tokens, HttpContext http, CancellationToken ct)
    {
        var check = new Validation().Required("email", request.Email, 256).Required("password", request.Password, 200);
        if (!check.IsValid) return TypedResults.ValidationProblem(check.Errors);
        var result = await accounts.CheckPasswordAsync(request.Email!, request.Password!, http.Connection.RemoteIpAddress?.ToString(), ct);
        switch (result.Outcome)
        {
            case LoginOutcome.Succeeded:
                return TypedResults.Ok(await ResponseAsync(result.User!, result.Roles, tokens, ct));
            case LoginOutcome.Throttled:
                http.Response.Headers.RetryAfter = result.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return TypedResults.Problem($"Too many failed sign-ins: try again in {result.RetryAfterSeconds} seconds.", statusCode: StatusCodes.Status429TooManyRequests, title: "Slow down");
            case LoginOutcome.Suspended:
                return TypedResults.Problem("This account is suspended; contact the administrator.", statusCode: StatusCodes.Status403Forbidden, title: "Account suspended");
            default:
                return TypedResults.Problem("Invalid email or password.", statusCode: StatusCodes.Status401Unauthorized, title: "Login failed");
        }
    }

    private static async Task<Results<Ok<AuthResponse>, ValidationProblem, ProblemHttpResult>> RefreshAsync(
        RefreshRequest request, RefreshTokenService refresh, UserManager<JobsmithUser> users, AccessTokenIssuer tokens, CancellationToken ct)
    {
        var check = new Validation().Required("refreshToken", request.RefreshToken, 200);
        if (!check.IsValid) return TypedResults.ValidationProblem(check.Errors);
        var rotated = await refresh.RotateAsync(request.RefreshToken!, ct);
        var user = rotated is null ? null : await users.FindByIdAsync(rotated.Value.UserId);
        if (rotated is null || user is null || await users.IsLockedOutAsync(user))
            return TypedResults.Problem("The refresh token is invalid, expired or revoked.", statusCode: StatusCodes.Status401Unauthorized, title: "Refresh failed");
        var roles = await users.GetRolesAsync(user);
        return TypedResults.Ok(new AuthResponse(Me(user, [.. roles]), tokens.CreateAccessToken(user, roles), rotated.Value.Token, tokens.ExpiresInSeconds, "Bearer"));
    }

    private static async Task<Results<NoContent, ValidationProblem>> LogoutAsync(RefreshRequest request, RefreshTokenService refresh, CancellationToken ct)
    {
        var check = new Validation().Required("refreshToken", request.RefreshToken, 200);
        if (!check.IsValid) return TypedResults.ValidationProblem(check.Errors);
        await refresh.RevokeAsync(request.RefreshToken!, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Accepted, ValidationProblem>> ForgotPasswordAsync(ForgotPasswordRequest request, PasswordResetService reset, CancellationToken ct)
    {
        var check = new Validation().Email("email", request.Email);
        if (!check.IsValid) return TypedResults.ValidationProblem(check.Errors);
        await reset.RequestAsync(request.Email!, ct);
        return TypedResults.Accepted((string?)null);
    }

    private static async Task<Results<NoContent, ValidationProblem>> ResetPasswordAsync(ResetPasswordRequest request, PasswordResetService reset, CancellationToken ct)
    {
        var check = new Validation().Email("email", request.Email).Required("token", request.Token, 2000).Required("newPassword", request.NewPassword, 200);
        if (!check.IsValid) return TypedResults.ValidationProblem(check.Errors);
        try
        {
            await reset.ResetAsync(request.Email!, request.Token!, request.NewPassword!, ct);
            return TypedResults.NoContent();
        }
        catch (AccountException ex)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [ex.Code == "invalid_token" ? "token" : "newPassword"] = [.. ex.Errors] });
        }
    }

    private static async Task<Results<Ok<MeResponse>, NotFound>> MeAsync(System.Security.Claims.ClaimsPrincipal principal, UserManager<JobsmithUser> users)
    {
        var user = await users.FindByIdAsync(principal.UserId());
        return user is null ? TypedResults.NotFound() : TypedResults.Ok(Me(user, [.. await users.GetRolesAsync(user)]));
    }

    private static async Task<AuthResponse> ResponseAsync(JobsmithUser user, IReadOnlyList<string> roles, AccessTokenIssuer tokens, CancellationToken ct)
    {
        var pair = await tokens.IssueAsync(user, roles, ct);
        return new AuthResponse(Me(user, roles), pair.AccessToken, pair.RefreshToken, pair.ExpiresIn, pair.TokenType);
    }

    private static MeResponse Me(JobsmithUser user, IReadOnlyList<string> roles) => new(user.Id, user.Email ?? "", user.DisplayName, roles);
}
