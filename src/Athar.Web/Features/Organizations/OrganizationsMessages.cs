using Athar.Core.Common;
using Athar.Web.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Athar.Web.Features.Organizations;

/// <summary>
/// This feature's messages: its own resources (OrganizationsText) first, then the shared ones, so field
/// errors such as "Phone.Invalid" (ours) and "Email.Invalid" (shared) read the same way on pages and in the API.
/// The shapes are those of <see cref="Infrastructure.ApiProblems"/> and <see cref="Infrastructure.ModelStateExtensions"/>.
/// </summary>
public sealed class OrganizationsMessages(IStringLocalizer<OrganizationsText> feature, IStringLocalizer<SharedResource> shared)
{
    public IStringLocalizer<OrganizationsText> Feature => feature;

    public LocalizedString this[string key, params object[] arguments] =>
        feature[key, arguments] is { ResourceNotFound: false } text ? text : shared[key, arguments];

    public void AddFieldErrors(ModelStateDictionary modelState, IEnumerable<FieldError> errors, string prefix = "Input")
    {
        foreach (var error in errors)
        {
            var key = string.IsNullOrEmpty(prefix) ? error.Field : $"{prefix}.{error.Field}";
            if (modelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0)
                continue;
            modelState.AddModelError(key, this[error.Code, error.Arguments]);
        }
    }

    /// <summary>A refusal or invalid input as one line, for a page that shows it beside the row it is about.</summary>
    public string Describe(Outcome outcome) => outcome.Refusal switch
    {
        { Errors: { Count: > 0 } errors } => string.Join(' ', errors.Select(e => this[e.Code, e.Arguments].Value)),
        { } refusal => this[$"Refusal.{refusal.Code}"],
        null => string.Empty,
    };

    public ValidationProblem Invalid(IReadOnlyList<FieldError> errors)
    {
        var byField = errors
            .GroupBy(e => CamelCase(e.Field))
            .ToDictionary(g => g.Key, g => g.Select(e => this[e.Code, e.Arguments].Value).ToArray());
        var codes = errors.GroupBy(e => CamelCase(e.Field)).ToDictionary(g => g.Key, g => g.Select(e => e.Code).ToArray());
        return TypedResults.ValidationProblem(
            byField,
            title: shared["Problem.Validation"],
            extensions: new Dictionary<string, object?> { ["code"] = "validation", ["errorCodes"] = codes });
    }

    private static string CamelCase(string name) =>
        string.IsNullOrEmpty(name) ? name : string.Concat(char.ToLowerInvariant(name[0]).ToString(), name.AsSpan(1));
}
