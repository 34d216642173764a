using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Athar.Web.Localization;

/// <summary>Model-binding failures ("abc" for a date) are shown in the page's language like every other field error.</summary>
internal static class ModelBindingMessages
{
    public static void Localize(MvcOptions options, IStringLocalizerFactory factory)
    {
        var t = factory.Create(typeof(SharedResource));
        var p = options.ModelBindingMessageProvider;
        p.SetAttemptedValueIsInvalidAccessor((_, _) => t["Binding.Invalid"]);
        p.SetMissingBindRequiredValueAccessor(_ => t["Field.Required"]);
        p.SetMissingKeyOrValueAccessor(() => t["Field.Required"]);
        p.SetMissingRequestBodyRequiredValueAccessor(() => t["Field.Required"]);
        p.SetNonPropertyAttemptedValueIsInvalidAccessor(_ => t["Binding.Invalid"]);
        p.SetNonPropertyUnknownValueIsInvalidAccessor(() => t["Binding.Invalid"]);
        p.SetNonPropertyValueMustBeANumberAccessor(() => t["Binding.Number"]);
        p.SetUnknownValueIsInvalidAccessor(_ => t["Binding.Invalid"]);
        p.SetValueIsInvalidAccessor(_ => t["Binding.Invalid"]);
        p.SetValueMustBeANumberAccessor(_ => t["Binding.Number"]);
        p.SetValueMustNotBeNullAccessor(_ => t["Field.Required"]);
    }
}
