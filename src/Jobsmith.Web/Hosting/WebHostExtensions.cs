using Jobsmith.Core.Hosting;
using Jobsmith.Channels;
using Jobsmith.Rendering;
using Jobsmith.Web.Api;
using Jobsmith.Web.Auth;
using Jobsmith.Web.Components;
using Jobsmith.Web.Components.Pages.Applications;
using Jobsmith.Web.Components.Pages.Documents;
using Jobsmith.Web.Components.Pages.HumanAgents;
using Jobsmith.Web.Components.Pages.Inbox;
using Jobsmith.Web.Components.Pages.Notifications;
using Jobsmith.Web.Components.Pages.Jobs;
using Jobsmith.Web.Components.Pages.Matches;
using Jobsmith.Web.Components.Pages.Onboarding;
using Jobsmith.Web.Components.Pages.Plans;
using Jobsmith.Web.Components.Pages.Settings;
using Jobsmith.Web.Components.Pages.Tracking;

namespace Jobsmith.Web.Hosting;

/// <summary>Wires Core into the web host; Program.cs stays two lines long.</summary>
public static class WebHostExtensions
{
    public static WebApplicationBuilder AddJobsmithWeb(this WebApplicationBuilder builder)
    {
        // JOBSMITH__Database__Provider=postgres and friends, the same variables the CLI reads.
        builder.Configuration.AddEnvironmentVariables(JobsmithConfiguration.EnvironmentPrefix);

        // Readable lines by default, structured JSON with Jobsmith:LogFormat=json (L3); secrets never reach either
        // because no code logs request bodies or keys.
        builder.Logging.AddJobsmithConsole(builder.Configuration);

        var services = builder.Services;
        services.AddJobsmithCore(builder.Configuration);
        services.AddDocumentRendering();
        services.AddBrowserFormChannel(builder.Configuration);
        services.AddJobsmithAuth(builder.Configuration);
        services.AddJobsmithRateLimits(builder.Configuration);
        services.AddJobsmithHealthChecks();
        services.AddJobsmithTelemetry(builder.Configuration);
        services.AddProblemDetails();
        services.AddOpenApi();
        services.AddRazorComponents();
        services.AddHttpContextAccessor();
        services.AddScoped<CookieCsrfFilter>();
        return builder;
    }

    public static WebApplication UseJobsmithWeb(this WebApplication app)
    {
        // First, so error pages, static files and rejected requests carry the headers too.
        app.UseSecurityHeaders();
        // A bad request found while binding (a form without a valid antiforgery token, a malformed body) keeps its
        // 400 instead of becoming a 500.
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = ex => ex is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
            SuppressDiagnosticsCallback = c => ClientErrorLogging.IsClientError(c.Exception),
        });
        // Pages show the app's own error page; the API keeps its problem+json from the handler above.
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"), ui => ui.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/error",
            StatusCodeSelector = ex => ex is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
            SuppressDiagnosticsCallback = c => ClientErrorLogging.IsClientError(c.Exception),
        }));
        app.UseClientErrorLogging();
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages());
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"), ui => ui.UseStatusCodePagesWithReExecute("/not-found"));
        app.UseStaticFiles();
        // Routing runs after the error and status-code pages so a re-executed request (/not-found, /error) is routed
        // again; left implicit, routing would run first and the re-execution would answer an empty 404.
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAiCallAttribution();
        app.UseAuthorization();
        app.UseFormTokenCheck();
        app.UseAntiforgery();

        app.MapOpenApi().AllowAnonymous();
        app.MapGet("/api-docs", () => Results.LocalRedirect("/api-docs/index.html")).ExcludeFromDescription();
        app.MapJobsmithHealthChecks();

        var api = app.MapGroup("/api").AddEndpointFilter<CookieCsrfFilter>();
        api.MapAuthEndpoints()
           .MapNotificationEndpoints()
           .MapAgentEndpoints()
           .MapAdminEndpoints()
           .MapHumanAgentEndpoints()
           .MapCandidateEndpoints()
           .MapJobEndpoints()
           .MapMatchEndpoints()
           .MapDocumentEndpoints()
           .MapApplicationEndpoints()
           .MapSubscriptionEndpoints()
           .MapInterviewEndpoints()
           .MapReportEndpoints()
           .MapInboundEndpoints()
           .MapAccountEndpoints();

        app.MapAccountFormEndpoints();
        app.MapAdminFormEndpoints();
        app.MapAgentFormEndpoints();
        app.MapOnboardingFormEndpoints();
        app.MapJobFormEndpoints();
        app.MapMatchFormEndpoints();
        app.MapDocumentFormEndpoints();
        app.MapApplicationFormEndpoints();
        app.MapJobAddFormEndpoints();
        app.MapPlanFormEndpoints();
        app.MapSettingsFormEndpoints();
        app.MapInboxFormEndpoints();
        app.MapNotificationFormEndpoints();
        app.MapTrackingFormEndpoints();
        app.MapCandidateAgentFormEndpoints();
        app.MapDashboardLiveEndpoint();
        app.MapRazorComponents<App>();
        return app;
    }
}
