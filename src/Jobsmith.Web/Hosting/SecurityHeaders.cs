namespace Jobsmith.Web.Hosting;

/// <summary>
/// Security headers on every response (R3): a Content-Security-Policy that allows scripts only from this origin
/// (no inline script or handlers anywhere, so injected markup cannot run), no framing, no MIME sniffing, a
/// referrer that never leaks paths to other sites, and HSTS only when the request came over HTTPS (sending it over
/// plain HTTP would be ignored by browsers and would pin a self-hosted install that has no certificate yet).
/// </summary>
public static class SecurityHeaders
{
    // worker-src names what default-src already allowed: the Web Push service worker (/sw.js) from this origin only.
    // Inline styles stay allowed: Tabler and htmx set style attributes at run time, and styles cannot run code.
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            // An endpoint serving untrusted content (a document preview) may have set a stricter policy of its own.
            if (string.IsNullOrEmpty(headers.ContentSecurityPolicy)) headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            if (context.Request.IsHttps) headers.StrictTransportSecurity = "max-age=31536000";
            return Task.CompletedTask;
        });
        return next(context);
    });
}
