using Athar.Data.Infrastructure;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;

namespace Athar.Web.Infrastructure;

/// <summary>
/// The single handler for what nobody expected: logs it, answers ProblemDetails (API) or the error
/// page (browser), never a stack trace. Malformed requests are the client's fault and answer 400.
/// </summary>
public sealed class UnexpectedExceptionHandler(IProblemDetailsService problems, ILogger<UnexpectedExceptionHandler> logger) : IExceptionHandler
{
    /// <summary>Malformed requests (bad JSON, a missing antiforgery token) are the client's 400, not our 500.</summary>
    public static int StatusFor(Exception exception) => exception switch
    {
        BadHttpRequestException bad => bad.StatusCode,
        Microsoft.AspNetCore.Antiforgery.AntiforgeryValidationException => StatusCodes.Status400BadRequest,
        System.Text.Json.JsonException or FormatException => StatusCodes.Status400BadRequest,
        // The database is down, restarting, out of pooled connections or locked: the request may succeed later.
        _ when DatabaseFaults.IsUnavailable(exception) => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status500InternalServerError,
    };

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var status = httpContext.RequestAborted.IsCancellationRequested && exception is OperationCanceledException ? 499 : StatusFor(exception);
        var path = OriginalPath(httpContext);
        if (status == StatusCodes.Status503ServiceUnavailable)
            logger.LogWarning(exception, "Database unavailable on {Method} {Path}", httpContext.Request.Method, path);
        else if (status >= 500)
            logger.LogError(exception, "Unhandled exception on {Method} {Path}", httpContext.Request.Method, path);
        else
            logger.LogInformation("Rejected malformed request on {Method} {Path}: {Reason}", httpContext.Request.Method, path, exception.GetType().Name);

        if (status == 499)
            return true;

        httpContext.Response.StatusCode = status;
        if (status == StatusCodes.Status503ServiceUnavailable)
            httpContext.Response.Headers.RetryAfter = DatabaseFaults.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!HttpRequestExtensions.IsApiPath(path))
        {
            // Browsers get the friendly error page (re-executed by UseExceptionHandler's path).
            return false;
        }
        var context = new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = status },
        };
        if (await problems.TryWriteAsync(context))
            return true;
        // The client's Accept header named no JSON type; an API still answers ProblemDetails, never the HTML page.
        ApiProblems.Customize(context);
        await httpContext.Response.WriteAsJsonAsync(context.ProblemDetails, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json", cancellationToken);
        return true;
    }

    /// <summary>
    /// The path the client asked for. UseExceptionHandler has already rewritten Request.Path to the error page's
    /// path when handlers run, so deciding "API or page" from it would send API clients the HTML page.
    /// </summary>
    private static PathString OriginalPath(HttpContext httpContext) =>
        httpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path is { Length: > 0 } original
            ? new PathString(original)
            : httpContext.Request.Path;
}
