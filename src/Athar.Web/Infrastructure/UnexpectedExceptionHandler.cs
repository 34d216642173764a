using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;

namespace Athar.Web.Infrastructure;

/// <summary>
/// The single handler for what nobody expected: logs it, answers ProblemDetails (API) or the error
/// page (browser), never a stack trace. Malformed requests are the client's fault and answer 400.
/// </summary>
public sealed class UnexpectedExceptionHandler(IProblemDetailsService problems, ILogger<UnexpectedExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var status = exception switch
        {
            BadHttpRequestException bad => bad.StatusCode,
            Microsoft.AspNetCore.Antiforgery.AntiforgeryValidationException => StatusCodes.Status400BadRequest,
            System.Text.Json.JsonException or FormatException => StatusCodes.Status400BadRequest,
            OperationCanceledException when httpContext.RequestAborted.IsCancellationRequested => 499,
            _ => StatusCodes.Status500InternalServerError,
        };
        if (status >= 500)
            logger.LogError(exception, "Unhandled exception on {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
        else
            logger.LogInformation("Rejected malformed request on {Method} {Path}: {Reason}", httpContext.Request.Method, httpContext.Request.Path, exception.GetType().Name);

        if (status == 499)
            return true;

        httpContext.Response.StatusCode = status;
        if (!httpContext.Request.IsApi() && status >= 500)
        {
            // Browsers get the friendly error page (re-executed by UseExceptionHandler's path).
            return false;
        }
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = status },
        });
    }
}
