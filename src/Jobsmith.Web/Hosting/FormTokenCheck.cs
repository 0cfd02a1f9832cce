using System.Net;
using Microsoft.AspNetCore.Antiforgery;

namespace Jobsmith.Web.Hosting;

/// <summary>
/// Every state-changing request to a page or form endpoint must carry its antiforgery token (R3), whether or not the
/// endpoint reads a form: logout reads nothing, yet a cross-site post must not sign anyone out. A request without a
/// valid token gets a 400 page that says what happened and what to do, instead of a "not found" page or an error
/// when the status-code page is re-executed with the rejected form. The API has its own check (CookieCsrfFilter).
/// </summary>
public static class FormTokenCheck
{
    private static readonly string[] SafeMethods = [HttpMethods.Get, HttpMethods.Head, HttpMethods.Options, HttpMethods.Trace];

    public static IApplicationBuilder UseFormTokenCheck(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!NeedsToken(context) || await context.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(context))
        {
            await next(context);
            return;
        }
        context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(FormTokenCheck))
            .LogWarning("Refused a {Method} to {Path} without a valid antiforgery token", context.Request.Method, context.Request.Path.Value);
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(Page, context.RequestAborted);
    });

    private static bool NeedsToken(HttpContext context)
    {
        if (SafeMethods.Contains(context.Request.Method, StringComparer.OrdinalIgnoreCase)) return false;
        if (context.Request.Path.StartsWithSegments("/api")) return false;
        var metadata = context.GetEndpoint()?.Metadata.GetMetadata<IAntiforgeryMetadata>();
        return metadata?.RequiresValidation ?? true;
    }

    // Written out rather than rendered: the rejected request must not reach the page renderer, which would read the
    // form again. It uses the site's stylesheet so it still looks like the product.
    private static readonly string Page = $$"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
          <meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>This form has expired · Jobsmith</title>
          <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
          <link rel="stylesheet" href="/lib/tabler/tabler.min.css" /><link rel="stylesheet" href="/css/site.css" />
        </head>
        <body>
          <main class="page page-center" id="main">
            <div class="container container-tight py-4">
              <div class="empty">
                <p class="empty-header">400</p>
                <h1 class="empty-title">This form has expired</h1>
                <p class="empty-subtitle text-secondary">{{WebUtility.HtmlEncode("Nothing was changed. The page was open for a long time, was opened in another browser, or the request did not come from a Jobsmith page. Go back, reload the page and try again.")}}</p>
                <div class="empty-action"><a class="btn btn-primary" href="/dashboard">Go to the dashboard</a></div>
              </div>
            </div>
          </main>
        </body>
        </html>
        """;
}
