using Athar.Core.Common;

namespace Athar.Web.Features.Organizations;

public enum OutcomeKind
{
    Done,
    NotFound,
    Forbidden,
    Refused,
    Invalid,
}

/// <summary>
/// What an organisation use case answers. NotFound covers "not yours" as well: another organisation's
/// ids reveal nothing. Forbidden is only for people who may see the organisation but not do this.
/// </summary>
public sealed record Outcome(OutcomeKind Kind, Refusal? Refusal = null, Guid? Id = null)
{
    public static Outcome NotFound { get; } = new(OutcomeKind.NotFound);

    public static Outcome Forbidden { get; } = new(OutcomeKind.Forbidden);

    public static Outcome Done(Guid? id = null) => new(OutcomeKind.Done, Id: id);

    public static Outcome Refused(Refusal refusal) =>
        new(refusal.Errors is { Count: > 0 } ? OutcomeKind.Invalid : OutcomeKind.Refused, refusal);

    public static Outcome Refused(string code) => Refused(new Refusal(code));

    public static Outcome Invalid(IReadOnlyList<FieldError> errors) => new(OutcomeKind.Invalid, Refusal.Validation(errors));

    public static Outcome From(OutcomeKind kind) => kind switch
    {
        OutcomeKind.NotFound => NotFound,
        OutcomeKind.Forbidden => Forbidden,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
