namespace Athar.Core.Common;

/// <summary>
/// A refusal tied to an input field. <see cref="Code"/> is a stable resource key
/// (for example "NationalId.BadCheckDigit") that the web layer localises.
/// </summary>
public sealed record FieldError(string Field, string Code, params object[] Arguments);

/// <summary>An expected business refusal: a value, not an exception. <see cref="Code"/> is stable and localisable.</summary>
public sealed record Refusal(string Code, IReadOnlyList<FieldError>? Errors = null)
{
    public static Refusal Validation(IReadOnlyList<FieldError> errors) => new("validation", errors);
}
