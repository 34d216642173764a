using Athar.Core.Common;

namespace Athar.Core.Opportunities;

/// <summary>
/// The refusals of a status change, on top of <see cref="OpportunityLifecycle"/>: only a verified
/// organisation publishes, a published opportunity has a shift ahead, and an opportunity is not
/// completed while accepted volunteers still wait for a shift.
/// </summary>
public static class OpportunityTransitions
{
    public const string InvalidTransition = "invalid-transition";
    public const string OrganizationNotVerified = "organization-not-verified";
    public const string NoUpcomingShift = "no-upcoming-shift";
    public const string AcceptedVolunteersUpcoming = "accepted-volunteers-upcoming";
    public const string NotEditable = "opportunity-not-editable";
    public const int ReasonMaxLength = 500;

    /// <summary>Null when the move is allowed. Moving to the current status is allowed (and changes nothing), so a repeated click is harmless.</summary>
    public static Refusal? Check(OpportunityStatus from, OpportunityStatus to, bool organizationVerified, bool hasUpcomingShift, bool hasUpcomingAcceptedVolunteers)
    {
        if (from == to)
            return null;
        if (!OpportunityLifecycle.CanMove(from, to))
            return new Refusal(InvalidTransition);
        return to switch
        {
            OpportunityStatus.Published when !organizationVerified => new Refusal(OrganizationNotVerified),
            OpportunityStatus.Published when !hasUpcomingShift => new Refusal(NoUpcomingShift),
            OpportunityStatus.Completed when hasUpcomingAcceptedVolunteers => new Refusal(AcceptedVolunteersUpcoming),
            _ => null,
        };
    }

    /// <summary>A cancellation says why (volunteers read it): required, plain text, at most 500 characters.</summary>
    public static (string? Reason, IReadOnlyList<FieldError> Errors) CheckCancellationReason(string? reason)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(reason))
        {
            errors.Add(new("Reason", "Field.Required"));
            return (null, errors);
        }
        var text = TextRules.CheckFreeText(reason, "Reason", errors, ReasonMaxLength);
        return (text, errors);
    }
}
