using System.Security.Claims;
using Jobsmith.Core.Accounts;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Jobsmith.Web.Auth;

public sealed record TokenPair(string AccessToken, string RefreshToken, int ExpiresIn, string TokenType = "Bearer");

/// <summary>Short-lived JWT access tokens plus a rotating refresh token (A1).</summary>
public sealed class AccessTokenIssuer(IOptions<JwtOptions> options, SigningCredentials credentials, RefreshTokenService refreshTokens, TimeProvider clock)
{
    public async Task<TokenPair> IssueAsync(JobsmithUser user, IEnumerable<string> roles, CancellationToken cancellationToken)
    {
        var refresh = await refreshTokens.IssueAsync(user.Id, cancellationToken);
        return new TokenPair(CreateAccessToken(user, roles), refresh, ExpiresInSeconds);
    }

    public int ExpiresInSeconds => options.Value.AccessTokenMinutes * 60;

    public string CreateAccessToken(JobsmithUser user, IEnumerable<string> roles)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = options.Value.Issuer,
            Audience = options.Value.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(options.Value.AccessTokenMinutes),
            SigningCredentials = credentials,
            Subject = new ClaimsIdentity(UserClaims.For(user, roles)),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }
}
