namespace Jobsmith.Web.Hosting;

/// <summary>
/// A request the client got wrong (too large, malformed, cut off) is the client's error, not the server's: it is
/// logged as a warning with its status, and the exception handlers keep it out of their error log (see
/// <see cref="IsClientError"/>), so operators' error alerts stay about real faults.
/// </summary>
public static class ClientErrorLogging
{
    public static bool IsClientError(Exception exception) => exception is BadHttpRequestException;

    public static IApplicationBuilder UseClientErrorLogging(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        try
        {
            await next(context);
        }
        catch (BadHttpRequestException ex)
        {
            Warn(context, ex.StatusCode, ex.Message);
            throw;
        }
        // Form binding answers an oversized body itself, without an exception; an operator still wants to see it.
        if (context.Response.StatusCode == StatusCodes.Status413PayloadTooLarge) Warn(context, StatusCodes.Status413PayloadTooLarge, "the body is larger than the server accepts");
    });

    private static void Warn(HttpContext context, int status, string reason) =>
        context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ClientErrorLogging))
            .LogWarning("Bad request {Status} on {Method} {Path}: {Reason}", status, context.Request.Method, context.Request.Path.Value, reason);
}
