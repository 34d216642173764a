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
        if (status == StatusCodes.Status503ServiceUnavailable)
            logger.LogWarning(exception, "Database unavailable on {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
        else if (status >= 500)
            logger.LogError(exception, "Unhandled exception on {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
        else
            logger.LogInformation("Rejected malformed request on {Method} {Path}: {Reason}", httpContext.Request.Method, httpContext.Request.Path, exception.GetType().Name);

        if (status == 499)
            return true;

        httpContext.Response.StatusCode = status;
        if (status == StatusCodes.Status503ServiceUnavailable)
            httpContext.Response.Headers.RetryAfter = DatabaseFaults.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!httpContext.Request.IsApi())
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
}
