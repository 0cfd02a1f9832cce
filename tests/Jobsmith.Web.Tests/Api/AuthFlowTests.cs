using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Jobsmith.Tests.TestSupport;
using Jobsmith.Web.Api;
using Jobsmith.Web.Tests.Support;

namespace Jobsmith.Web.Tests.Api;

/// <summary>A1 end to end over HTTP, on both database providers.</summary>
public sealed partial class AuthFlowTests(WebAppFixture fixture) : IClassFixture<WebAppFixture>
{
    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Register_login_me_refresh_and_logout(string provider)
    {
        var app = await fixture.AppAsync(provider);
        var client = app.CreateApiClient();
        var email = ApiCalls.UniqueEmail("flow");

        var registered = await client.RegisterAsync(email);
        Assert.Equal("Bearer", registered.TokenType);
        Assert.Equal(["candidate"], registered.User.Roles);
        Assert.True(registered.ExpiresIn > 0);

        var login = await client.LoginAsync(email);
        using (var me = await client.SendAsync(HttpMethod.Get, "/api/auth/me", login.AccessToken))
        {
            Assert.Equal(HttpStatusCode.OK, me.StatusCode);
            var body = (await me.Content.ReadFromJsonAsync<MeResponse>())!;
            Assert.Equal(email, body.Email);
            Assert.Equal(registered.User.Id, body.Id);
        }

        // Rotation: the new pair works, the presented refresh token is spent.
        var rotated = await RefreshAsync(client, login.RefreshToken, HttpStatusCode.OK);
        Assert.NotEqual(login.RefreshToken, rotated!.RefreshToken);
        using (var me = await client.SendAsync(HttpMethod.Get, "/api/auth/me", rotated.AccessToken))
            Assert.Equal(HttpStatusCode.OK, me.StatusCode);

        // Replaying the spent token is treated as theft: the whole family, including the fresh token, is revoked.
        await RefreshAsync(client, login.RefreshToken, HttpStatusCode.Unauthorized);
        await RefreshAsync(client, rotated.RefreshToken, HttpStatusCode.Unauthorized);

        // Logout revokes the token it is given and leaves the user's other sessions alone.
        var other = await client.LoginAsync(email);
        var kept = await client.LoginAsync(email);
        using (var logout = await client.PostJsonAsync("/api/auth/logout", new { refreshToken = other.RefreshToken }))
            Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        await RefreshAsync(client, kept.RefreshToken, HttpStatusCode.OK);
        await RefreshAsync(client, other.RefreshToken, HttpStatusCode.Unauthorized);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Bad_credentials_and_tokens_are_refused(string provider)
    {
        var client = (await fixture.AppAsync(provider)).CreateApiClient();
        var email = ApiCalls.UniqueEmail("refused");
        await client.RegisterAsync(email);

        using (var wrong = await client.PostJsonAsync("/api/auth/login", new { email, password = "not-the-password-1" }))
            await wrong.AssertProblemAsync(HttpStatusCode.Unauthorized);
        using (var unknown = await client.PostJsonAsync("/api/auth/login", new { email = ApiCalls.UniqueEmail("nobody"), password = ApiCalls.Password }))
            await unknown.AssertProblemAsync(HttpStatusCode.Unauthorized);
        using (var duplicate = await client.PostJsonAsync("/api/auth/register", new { email, password = ApiCalls.Password }))
            await duplicate.AssertProblemAsync(HttpStatusCode.BadRequest);
        using (var forged = await client.SendAsync(HttpMethod.Get, "/api/auth/me", "eyJhbGciOiJIUzI1NiJ9.e30.c2lnbmF0dXJl"))
            Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        using (var none = await client.GetAsync("/api/auth/me"))
            Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Forgot_password_mails_a_link_whose_token_resets_the_password(string provider)
    {
        var app = await fixture.AppAsync(provider);
        var client = app.CreateApiClient();
        var email = ApiCalls.UniqueEmail("reset");
        var session = await client.RegisterAsync(email);

        using (var forgot = await client.PostJsonAsync("/api/auth/forgot-password", new { email }))
            Assert.Equal(HttpStatusCode.Accepted, forgot.StatusCode);
        // An unknown address answers the same, so the endpoint cannot be used to probe for accounts.
        using (var unknown = await client.PostJsonAsync("/api/auth/forgot-password", new { email = ApiCalls.UniqueEmail("nobody") }))
            Assert.Equal(HttpStatusCode.Accepted, unknown.StatusCode);

        var link = await ResetLinkForAsync(app.Database.Folder, email);
        var query = System.Web.HttpUtility.ParseQueryString(link.Query);
        Assert.Equal(email, query["email"]);
        var token = query["token"]!;

        using (var badToken = await client.PostJsonAsync("/api/auth/reset-password", new { email, token = token + "x", newPassword = "brand-new-pass-7" }))
            await badToken.AssertProblemAsync(HttpStatusCode.BadRequest);
        using (var reset = await client.PostJsonAsync("/api/auth/reset-password", new { email, token, newPassword = "brand-new-pass-7" }))
            Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);

        using (var old = await client.PostJsonAsync("/api/auth/login", new { email, password = ApiCalls.Password }))
            await old.AssertProblemAsync(HttpStatusCode.Unauthorized);
        await client.LoginAsync(email, "brand-new-pass-7");
        // A new password ends the sessions the old one opened.
        await RefreshAsync(client, session.RefreshToken, HttpStatusCode.Unauthorized);
        // A reset token is single-use.
        using var again = await client.PostJsonAsync("/api/auth/reset-password", new { email, token, newPassword = "another-pass-8" });
        await again.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    private static async Task<AuthResponse?> RefreshAsync(HttpClient client, string refreshToken, HttpStatusCode expected)
    {
        using var response = await client.PostJsonAsync("/api/auth/refresh", new { refreshToken });
        Assert.Equal(expected, response.StatusCode);
        return expected == HttpStatusCode.OK ? await response.Content.ReadFromJsonAsync<AuthResponse>() : null;
    }

    private static async Task<Uri> ResetLinkForAsync(string dataFolder, string email)
    {
        // The request only queues the mail; the notifications agent sends it moments later.
        var mail = await Outbox.WaitForMailAsync(dataFolder, email, "Reset your Jobsmith password");
        return new Uri(ResetLink().Match(mail).Value);
    }

    [GeneratedRegex(@"https?://\S+/reset-password\?\S+")]
    private static partial Regex ResetLink();
}
