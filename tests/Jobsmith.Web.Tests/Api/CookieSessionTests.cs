using System.Net;
using System.Text.RegularExpressions;
using Jobsmith.Core.Data;
using Jobsmith.Tests.TestSupport;
using Jobsmith.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Jobsmith.Web.Tests.Api;

/// <summary>A1, L4: a password reset ends browser sessions too, not only API refresh tokens.</summary>
public sealed partial class CookieSessionTests
{
    [SkippableFact]
    public async Task A_password_reset_signs_out_existing_browser_sessions()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProviders.Sqlite);
        await using var app = new JobsmithWebApp(database, new Dictionary<string, string?> { ["Jwt:SessionCheckSeconds"] = "0" });
        var api = app.CreateApiClient();
        var email = ApiCalls.UniqueEmail("cookie");
        await api.RegisterAsync(email);

        using var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = app.BaseAddress });
        var loginPage = await browser.GetStringAsync("/login");
        var token = AntiforgeryField().Match(loginPage).Groups[1].Value;
        using (var login = await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
               {
                   ["email"] = email, ["password"] = ApiCalls.Password, ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
               })))
            Assert.Equal("/dashboard", Landed(login));
        using (var dashboard = await browser.GetAsync("/dashboard"))
            Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);

        // The account changes its password through the API (e.g. on another device).
        using (await api.PostJsonAsync("/api/auth/forgot-password", new { email })) { }
        var link = await Outbox.WaitForMailAsync(database.Folder, email, "Reset your Jobsmith password");
        var query = System.Web.HttpUtility.ParseQueryString(new Uri(ResetLink().Match(link).Value).Query);
        using (var reset = await api.PostJsonAsync("/api/auth/reset-password", new { email, token = query["token"], newPassword = "a-brand-new-pass-9" }))
            Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);

        using var after = await browser.GetAsync("/dashboard");
        Assert.Equal("/login", Landed(after));
    }

    // Where a request ended up, whether or not the client followed the redirect itself.
    private static string Landed(HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found
            ? new Uri(new Uri("http://x"), response.Headers.Location!).AbsolutePath
            : response.RequestMessage!.RequestUri!.AbsolutePath;

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    [GeneratedRegex(@"http://\S+/reset-password\?\S+")]
    private static partial Regex ResetLink();
}
