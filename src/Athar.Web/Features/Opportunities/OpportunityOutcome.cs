using Athar.Core.Common;

namespace Athar.Web.Features.Opportunities;

/// <summary>What a write use case answers: done (with the opportunity's id), invalid input, a business refusal, or not found.</summary>
public sealed record OpportunityOutcome
{
    private OpportunityOutcome() { }

    public Guid Id { get; private init; }
    public IReadOnlyList<FieldError> Errors { get; private init; } = [];
    public Refusal? Refusal { get; private init; }
    public bool NotFound { get; private init; }

    public bool Succeeded => !NotFound && Refusal is null && Errors.Count == 0;

    public static OpportunityOutcome Done(Guid id) => new() { Id = id };

    public static OpportunityOutcome Invalid(IReadOnlyList<FieldError> errors) => new() { Errors = errors };

    public static OpportunityOutcome Refused(Refusal refusal) => new() { Refusal = refusal };

    public static OpportunityOutcome Missing { get; } = new() { NotFound = true };
}
