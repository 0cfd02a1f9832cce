using Jobsmith.Core.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Jobsmith.Web.Auth;

public static class AuthServiceCollectionExtensions
{
    /// <summary>
    /// Cookies for the web UI, JWT bearer for the REST API; one policy scheme picks by the Authorization
    /// header, so every endpoint accepts either and authorization rules are written once.
    /// </summary>
    public static IServiceCollection AddJobsmithAuth(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<JwtOptions>().BindConfiguration(JwtOptions.Section).ValidateOnStart();
        var jobsmith = configuration.GetSection(JobsmithOptions.Section).Get<JobsmithOptions>() ?? new JobsmithOptions();
        var jwt = configuration.GetSection(JwtOptions.Section).Get<JwtOptions>() ?? new JwtOptions();
        var key = new SymmetricSecurityKey(SigningKeyStore.Load(jwt, jobsmith));
        services.AddSingleton(new SigningCredentials(key, SecurityAlgorithms.HmacSha256));
        services.AddScoped<AccessTokenIssuer>();

        // Cookies and antiforgery tokens stay valid across restarts and across nodes sharing the data folder.
        services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(jobsmith.PathInData("keys", "data-protection")));

        services.AddAuthentication(Policies.Scheme)
            .AddPolicyScheme(Policies.Scheme, "Cookie or bearer", o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? Policies.Bearer
                    : Policies.Cookie)
            .AddCookie(Policies.Cookie, o =>
            {
                o.Cookie.Name = Policies.CookieName;
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.LoginPath = "/login";
                o.AccessDeniedPath = "/access-denied";
                o.SlidingExpiration = true;
                o.ExpireTimeSpan = TimeSpan.FromDays(7);
                o.Events.OnRedirectToLogin = c => ApiAware(c, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = c => ApiAware(c, StatusCodes.Status403Forbidden);
                o.Events.OnValidatePrincipal = CookieStampValidator.ValidateAsync;
            })
            .AddJwtBearer(Policies.Bearer, o =>
            {
                // Keep "sub" and "role" as issued: cookies and tokens share one claim vocabulary (UserClaims).
                o.MapInboundClaims = false;
                // Tokens are ours alone (AccessTokenIssuer): no authority or discovery document, one HMAC key.
                o.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = jwt.Issuer,
                    ValidAudience = jwt.Audience,
                    IssuerSigningKey = key,
                    ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                    NameClaimType = UserClaims.Subject,
                    RoleClaimType = UserClaims.Role,
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
            });

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Admin, p => p.RequireRole(Core.Accounts.Roles.Admin))
            .AddPolicy(Policies.Candidate, p => p.RequireRole(Core.Accounts.Roles.Candidate))
            .AddPolicy(Policies.HumanAgent, p => p.RequireRole(Core.Accounts.Roles.HumanAgent, Core.Accounts.Roles.Admin));
        services.AddCascadingAuthenticationState();
        // The antiforgery cookie is Secure whenever the site is served over HTTPS, like the sign-in cookie.
        services.AddAntiforgery(o =>
        {
            o.HeaderName = "X-CSRF-TOKEN";
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        return services;
    }

    // API clients get a status code, never an HTML redirect to the login page.
    private static Task ApiAware(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
            context.Response.StatusCode = status;
        else
            context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
