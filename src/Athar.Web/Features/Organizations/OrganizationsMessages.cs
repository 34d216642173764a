using Athar.Core.Common;
using Athar.Web.Infrastructure;
using Athar.Web.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Athar.Web.Features.Organizations;

/// <summary>
/// This feature's messages: its own resources (OrganizationsText) first, then the shared ones, so field
/// errors such as "Phone.Invalid" (ours) and "Email.Invalid" (shared) read the same way on pages and in the API.
/// Field errors and validation problems come from <see cref="ApiProblems"/> and <see cref="ModelStateExtensions"/>.
/// </summary>
public sealed class OrganizationsMessages(IStringLocalizer<OrganizationsText> feature, IStringLocalizer<SharedResource> shared)
{
    public IStringLocalizer<OrganizationsText> Feature => feature;

    public LocalizedString this[string key, params object[] arguments] =>
        feature[key, arguments] is { ResourceNotFound: false } text ? text : shared[key, arguments];

    public void AddFieldErrors(ModelStateDictionary modelState, IEnumerable<FieldError> errors, string prefix = "Input") =>
        modelState.AddFieldErrors(errors, feature, shared, prefix);

    /// <summary>A refusal or invalid input as one line, for a page that shows it beside the row it is about.</summary>
    public string Describe(Outcome outcome) => outcome.Refusal switch
    {
        { Errors: { Count: > 0 } errors } => string.Join(' ', errors.Select(e => this[e.Code, e.Arguments].Value)),
        { } refusal => this[$"Refusal.{refusal.Code}"],
        null => string.Empty,
    };

    public ValidationProblem Invalid(IReadOnlyList<FieldError> errors) => ApiProblems.Invalid(errors, feature, shared);
}
