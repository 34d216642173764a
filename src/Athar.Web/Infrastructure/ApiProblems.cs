using System.Diagnostics;
using System.Globalization;
using Athar.Core.Common;
using Athar.Web.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Athar.Web.Infrastructure;

/// <summary>
/// The one place where refusals become ProblemDetails: a stable "code", a localised title and
/// detail, field errors in the request's language, and the trace id to quote to support.
/// </summary>
public static class ApiProblems
{
    public static void Customize(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var http = context.HttpContext;
        problem.Extensions["traceId"] = Activity.Current?.Id ?? http.TraceIdentifier;
        var t = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        var status = problem.Status ?? http.Response.StatusCode;
        if (!problem.Extensions.ContainsKey("code"))
        {
            problem.Extensions["code"] = DefaultCode(status);
            // Bare status codes (401, 404, 429) are turned into problems by the status-code pages, outside the
            // localisation middleware's scope: take the language the request negotiated from its feature.
            using var language = new CultureScope(http.Features.Get<IRequestCultureFeature>()?.RequestCulture.UICulture ?? CultureInfo.CurrentUICulture);
            var title = t[$"Problem.{status}"];
            if (!title.ResourceNotFound)
                problem.Title = title;
        }
    }

    public static ProblemHttpResult Refused(HttpContext http, Refusal refusal, int status = StatusCodes.Status409Conflict) =>
        Refused(http, refusal, status, http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>());

    /// <summary>A refusal whose title comes from a feature's own resources ("Refusal.&lt;code&gt;").</summary>
    public static ProblemHttpResult Refused(HttpContext http, Refusal refusal, int status, IStringLocalizer t)
    {
        var problem = new ProblemDetails
        {
            Status = status,
            Title = t[$"Refusal.{refusal.Code}"],
        };
        problem.Extensions["code"] = refusal.Code;
        return TypedResults.Problem(problem);
    }

    public static ValidationProblem Invalid(HttpContext http, IReadOnlyList<FieldError> errors) =>
        Invalid(http, errors, http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>());

    /// <summary>Field errors whose messages come from a feature's own resources, falling back to the shared ones.</summary>
    public static ValidationProblem Invalid(HttpContext http, IReadOnlyList<FieldError> errors, IStringLocalizer t) =>
        Invalid(errors, t, http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>());

    public static ValidationProblem Invalid(IReadOnlyList<FieldError> errors, IStringLocalizer t, IStringLocalizer shared)
    {
        var byField = errors
            .GroupBy(e => CamelCase(e.Field))
            .ToDictionary(g => g.Key, g => g.Select(e => Message(t, shared, e)).ToArray());
        var codes = errors.GroupBy(e => CamelCase(e.Field)).ToDictionary(g => g.Key, g => g.Select(e => e.Code).ToArray());
        return TypedResults.ValidationProblem(
            byField,
            title: shared["Problem.Validation"],
            extensions: new Dictionary<string, object?> { ["code"] = "validation", ["errorCodes"] = codes });
    }

    public static string Message(IStringLocalizer feature, IStringLocalizer shared, FieldError error)
    {
        var text = feature[error.Code, error.Arguments];
        return text.ResourceNotFound ? shared[error.Code, error.Arguments] : text;
    }

    private static string DefaultCode(int status) => status switch
    {
        400 => "bad-request",
        401 => "unauthenticated",
        403 => "forbidden",
        404 => "not-found",
        405 => "method-not-allowed",
        409 => "conflict",
        413 => "too-large",
        415 => "unsupported-media-type",
        429 => "too-many-requests",
        503 => "unavailable",
        _ => status >= 500 ? "server-error" : "error",
    };

    private static string CamelCase(string name) =>
        string.IsNullOrEmpty(name) ? name : string.Concat(char.ToLowerInvariant(name[0]).ToString(), name.AsSpan(1));
}
