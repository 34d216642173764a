using Athar.Core.Common;
using Athar.Web.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Athar.Web.Features.Opportunities;

/// <summary>
/// This feature's messages in the reader's language: its own codes from OpportunitiesText, the shared
/// ones (Field.Required, Text.TooLong, City.NotInRegion…) from SharedResource. Refusals and field
/// errors become ProblemDetails of the same shape as <see cref="Infrastructure.ApiProblems"/> (status,
/// localised title, stable "code"; the trace id is added by the ProblemDetails customiser).
/// </summary>
public sealed class OpportunityMessages(IStringLocalizer<OpportunitiesText> l, IStringLocalizer<SharedResource> t, Display show)
{
    public string Message(string code, params object[] arguments)
    {
        var formatted = arguments.Select(Format).ToArray();
        var own = l[code, formatted];
        return own.ResourceNotFound ? t[code, formatted] : own;
    }

    public string RefusalTitle(string code) => l[$"Refusal.{code}"];

    public ValidationProblem Invalid(IReadOnlyList<FieldError> errors)
    {
        var byField = errors.GroupBy(e => CamelCasePath(e.Field))
            .ToDictionary(g => g.Key, g => g.Select(e => Message(e.Code, e.Arguments)).ToArray());
        var codes = errors.GroupBy(e => CamelCasePath(e.Field))
            .ToDictionary(g => g.Key, g => g.Select(e => e.Code).ToArray());
        return TypedResults.ValidationProblem(
            byField,
            title: t["Problem.Validation"],
            extensions: new Dictionary<string, object?> { ["code"] = "validation", ["errorCodes"] = codes });
    }

    public ProblemHttpResult Refused(Refusal refusal, int status = StatusCodes.Status409Conflict)
    {
        var problem = new ProblemDetails { Status = status, Title = RefusalTitle(refusal.Code) };
        problem.Extensions["code"] = refusal.Code;
        if (refusal.Errors is { Count: > 0 } errors)
        {
            problem.Detail = string.Join(' ', errors.Select(e => Message(e.Code, e.Arguments)));
            problem.Extensions["errors"] = errors.GroupBy(e => CamelCasePath(e.Field))
                .ToDictionary(g => g.Key, g => g.Select(e => Message(e.Code, e.Arguments)).ToArray());
        }
        return TypedResults.Problem(problem);
    }

    /// <summary>Shows errors beside their fields; a field that already failed binding keeps its one message.</summary>
    public void AddTo(ModelStateDictionary modelState, IEnumerable<FieldError> errors, string prefix = "Input", Func<string, string>? field = null)
    {
        foreach (var error in errors)
        {
            var name = field is null ? error.Field : field(error.Field);
            var key = string.IsNullOrEmpty(prefix) ? name : $"{prefix}.{name}";
            if (modelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0)
                continue;
            modelState.AddModelError(key, Message(error.Code, error.Arguments));
        }
    }

    /// <summary>A refusal on a form: its title at the top, and each offending field marked.</summary>
    public void AddTo(ModelStateDictionary modelState, Refusal refusal, string prefix = "Input", Func<string, string>? field = null)
    {
        modelState.AddModelError(string.Empty, RefusalTitle(refusal.Code));
        if (refusal.Errors is { } errors)
            AddTo(modelState, errors, prefix, field);
    }

    private object Format(object argument) => argument switch
    {
        DateOnly date => show.Date(date),
        int number => show.Number(number),
        long number => show.Number(number),
        _ => argument,
    };

    /// <summary>"Shifts[0].StartTime" → "shifts[0].startTime", as System.Text.Json names the body's properties.</summary>
    private static string CamelCasePath(string path) =>
        string.Join('.', path.Split('.').Select(p => p.Length == 0 ? p : string.Concat(char.ToLowerInvariant(p[0]).ToString(), p.AsSpan(1))));
}
