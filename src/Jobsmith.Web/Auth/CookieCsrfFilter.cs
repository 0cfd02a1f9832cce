using Microsoft.AspNetCore.Antiforgery;

namespace Jobsmith.Web.Auth;

/// <summary>
/// CSRF guard for the JSON API (L4): a state-changing request authenticated by the browser's cookie must carry
/// the antiforgery header the UI adds. Bearer-token calls are immune to CSRF and pass through.
/// </summary>
internal sealed class CookieCsrfFilter(IAntiforgery antiforgery) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var unsafeMethod = !(HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method) || HttpMethods.IsOptions(http.Request.Method));
        var bearer = http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);
        var hasCookie = http.Request.Cookies.ContainsKey(Policies.CookieName);
        if (unsafeMethod && !bearer && hasCookie && !await antiforgery.IsRequestValidAsync(http))
            return TypedResults.Problem("Missing or invalid antiforgery token.", statusCode: StatusCodes.Status400BadRequest, title: "CSRF check failed");
        return await next(context);
    }
}
