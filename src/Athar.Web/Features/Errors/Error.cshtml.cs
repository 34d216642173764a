using Athar.Data.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Athar.Web.Features.Errors;

/// <summary>The friendly error page for browsers: a trace id to quote, never a stack trace.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public int Status { get; private set; }

    public string TraceId => HttpContext.TraceIdentifier;

    public void OnGet(int? code)
    {
        Status = code ?? (Response.StatusCode >= 400 ? Response.StatusCode : StatusCodes.Status500InternalServerError);
        // The database could not serve: browsers and proxies are told when to come back.
        if (Status == StatusCodes.Status503ServiceUnavailable)
            Response.Headers.RetryAfter = DatabaseFaults.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public void OnPost(int? code) => OnGet(code);
}
