using Athar.Core.Common;
using Athar.Web.Localization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Athar.Web.Infrastructure;

public static class ModelStateExtensions
{
    /// <summary>Shows use-case refusals beside their fields, in the page's language; a field that already failed binding keeps that one message.</summary>
    public static void AddFieldErrors(this ModelStateDictionary modelState, IEnumerable<FieldError> errors, IStringLocalizer<SharedResource> t, string prefix = "Input") =>
        modelState.AddFieldErrors(errors, t, t, prefix);

    /// <summary>The same, with messages from a feature's own resources first, then the shared ones.</summary>
    public static void AddFieldErrors(this ModelStateDictionary modelState, IEnumerable<FieldError> errors, IStringLocalizer feature, IStringLocalizer<SharedResource> t, string prefix = "Input")
    {
        foreach (var error in errors)
        {
            var key = string.IsNullOrEmpty(prefix) ? error.Field : $"{prefix}.{error.Field}";
            if (modelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0)
                continue;
            modelState.AddModelError(key, ApiProblems.Message(feature, t, error));
        }
    }
}
