using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using Jobsmith.Tests.TestSupport;
using Jobsmith.Web.Auth;
using Jobsmith.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Jobsmith.Web.Tests.Api;

/// <summary>
/// What the API accepts as an access token (A1): only a JWT signed with the app's key, for its issuer and
/// audience, inside its lifetime (30 s of clock skew), whose "sub" and "role" claims identify the user.
/// Tokens are made here with the app's own key, so each case changes exactly one property.
/// </summary>
public sealed class BearerTokenTests(WebAppFixture fixture) : IClassFixture<WebAppFixture>
{
    private const string Sqlite = "sqlite";

    [SkippableFact]
    public async Task A_token_made_with_the_app_key_issuer_and_audience_identifies_its_subject()
    {
        var (client, key, jwt, userId) = await SetUpAsync();

        using var me = await client.SendAsync(HttpMethod.Get, "/api/auth/me", Token(key, jwt.Issuer, jwt.Audience, userId));

        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Contains(userId, await me.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Role_claims_in_the_token_are_what_authorizes()
    {
        var (client, key, jwt, userId) = await SetUpAsync();

        using (var candidate = await client.SendAsync(HttpMethod.Get, "/api/admin/flags", Token(key, jwt.Issuer, jwt.Audience, userId)))
            Assert.Equal(HttpStatusCode.Forbidden, candidate.StatusCode);
        using var admin = await client.SendAsync(HttpMethod.Get, "/api/admin/flags", Token(key, jwt.Issuer, jwt.Audience, userId, role: "admin"));
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
    }

    [SkippableTheory]
    [InlineData("issuer")]
    [InlineData("audience")]
    [InlineData("key")]
    [InlineData("expired")]
    [InlineData("not-yet-valid")]
    [InlineData("unsigned")]
    [InlineData("tampered")]
    public async Task A_token_wrong_in_one_property_is_refused_with_a_bearer_challenge(string wrong)
    {
        var (client, key, jwt, userId) = await SetUpAsync();
        var now = Now;
        var token = wrong switch
        {
            "issuer" => Token(key, "someone-else", jwt.Audience, userId),
            "audience" => Token(key, jwt.Issuer, "another-api", userId),
            "key" => Token(new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(64)), jwt.Issuer, jwt.Audience, userId),
            // Beyond the 30 s clock skew the app allows (the library default would be 5 minutes).
            "expired" => Token(key, jwt.Issuer, jwt.Audience, userId, notBefore: now.AddMinutes(-20), expires: now.AddMinutes(-2)),
            "not-yet-valid" => Token(key, jwt.Issuer, jwt.Audience, userId, notBefore: now.AddMinutes(2), expires: now.AddMinutes(10)),
            "unsigned" => new JsonWebTokenHandler().CreateToken(Descriptor(null, jwt.Issuer, jwt.Audience, userId, null, now, now.AddMinutes(5))),
            "tampered" => Tamper(Token(key, jwt.Issuer, jwt.Audience, userId)),
            _ => throw new ArgumentOutOfRangeException(nameof(wrong)),
        };

        using var me = await client.SendAsync(HttpMethod.Get, "/api/auth/me", token);

        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
        Assert.StartsWith("Bearer", me.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    // The host runs on the system clock; tokens are dated from it like the app's own issuer does.
    private static DateTime Now => TimeProvider.System.GetUtcNow().UtcDateTime;

    private async Task<(HttpClient Client, SecurityKey Key, JwtOptions Jwt, string UserId)> SetUpAsync()
    {
        var app = await fixture.AppAsync(Sqlite);
        var client = app.CreateApiClient();
        var registered = await client.RegisterAsync(ApiCalls.UniqueEmail("bearer"));
        var key = app.Services.GetRequiredService<SigningCredentials>().Key;
        return (client, key, app.Services.GetRequiredService<IOptions<JwtOptions>>().Value, registered.User.Id);
    }

    private static string Token(SecurityKey key, string issuer, string audience, string userId,
        string? role = null, DateTime? notBefore = null, DateTime? expires = null)
    {
        var now = Now;
        return new JsonWebTokenHandler().CreateToken(Descriptor(
            new SigningCredentials(key, SecurityAlgorithms.HmacSha256), issuer, audience, userId, role, notBefore ?? now, expires ?? now.AddMinutes(5)));
    }

    private static SecurityTokenDescriptor Descriptor(SigningCredentials? signing, string issuer, string audience, string userId,
        string? role, DateTime notBefore, DateTime expires)
    {
        var claims = new List<Claim> { new(UserClaims.Subject, userId) };
        if (role is not null) claims.Add(new Claim(UserClaims.Role, role));
        return new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = notBefore,
            NotBefore = notBefore,
            Expires = expires,
            SigningCredentials = signing,
            Subject = new ClaimsIdentity(claims),
        };
    }

    // Same header and signature, a different subject in the payload.
    private static string Tamper(string token)
    {
        var parts = token.Split('.');
        var payload = System.Text.Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1]));
        parts[1] = Base64UrlEncoder.Encode(payload.Replace("\"sub\":\"", "\"sub\":\"x", StringComparison.Ordinal));
        return string.Join('.', parts);
    }
}
