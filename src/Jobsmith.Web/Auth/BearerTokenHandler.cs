using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Jobsmith.Web.Auth;

public sealed class BearerTokenOptions : AuthenticationSchemeOptions
{
    public TokenValidationParameters Validation { get; set; } = new();
}

/// <summary>
/// Authenticates <c>Authorization: Bearer</c> JWTs issued by <see cref="AccessTokenIssuer"/>. Signature,
/// issuer, audience and lifetime checks are IdentityModel's; this class only adapts them to ASP.NET auth.
/// </summary>
public sealed class BearerTokenHandler(IOptionsMonitor<BearerTokenOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<BearerTokenOptions>(options, logger, encoder)
{
    private static readonly JsonWebTokenHandler Tokens = new() { MapInboundClaims = false };

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return AuthenticateResult.NoResult();

        var result = await Tokens.ValidateTokenAsync(header["Bearer ".Length..].Trim(), Options.Validation);
        if (!result.IsValid)
            return AuthenticateResult.Fail("The access token is invalid or expired.");
        var principal = new System.Security.Claims.ClaimsPrincipal(result.ClaimsIdentity);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }
}
