using Athar.Core.Common;

namespace Athar.Core.Organizations;

/// <summary>What a platform admin or the region's supervisor decides about an organisation.</summary>
public enum OrganizationDecision
{
    Verify = 1,
    Reject = 2,
    Suspend = 3,
    Reinstate = 4,
}

/// <summary>The outcome of a valid decision: the new standing and the reason its admins are shown.</summary>
public sealed record OrganizationStatusChange(OrganizationStanding To, string? Reason, string NotificationKind);

/// <summary>
/// The verification state machine. A pending organisation is verified or rejected (with a reason); a verified one
/// may be suspended (with a reason) and a suspended one reinstated. A rejected organisation may be verified later,
/// since its registration number stays taken and it cannot register again.
/// </summary>
public static class OrganizationStatusRules
{
    public const int ReasonMaxLength = 500;
    public const string ConflictCode = "organization-status-conflict";

    public static (OrganizationStatusChange? Change, Refusal? Refusal) Decide(OrganizationStanding current, OrganizationDecision decision, string? reason)
    {
        var to = (current, decision) switch
        {
            (OrganizationStanding.Pending or OrganizationStanding.Rejected, OrganizationDecision.Verify) => OrganizationStanding.Verified,
            (OrganizationStanding.Pending, OrganizationDecision.Reject) => OrganizationStanding.Rejected,
            (OrganizationStanding.Verified, OrganizationDecision.Suspend) => OrganizationStanding.Suspended,
            (OrganizationStanding.Suspended, OrganizationDecision.Reinstate) => OrganizationStanding.Verified,
            _ => (OrganizationStanding?)null,
        };
        if (to is null)
            return (null, new Refusal(ConflictCode));

        var errors = new List<FieldError>();
        var text = TextRules.CheckFreeText(reason, "Reason", errors, ReasonMaxLength);
        var needsReason = decision is OrganizationDecision.Reject or OrganizationDecision.Suspend;
        if (needsReason && text is null && errors.Count == 0)
            errors.Add(new("Reason", "Field.Required"));
        if (errors.Count > 0)
            return (null, Refusal.Validation(errors));

        // A reason explains a refusal; once verified again there is nothing to explain.
        return (new OrganizationStatusChange(to.Value, needsReason ? text : null, NotificationKind(decision)), null);
    }

    public static string NotificationKind(OrganizationDecision decision) => decision switch
    {
        OrganizationDecision.Verify => "OrganizationVerified",
        OrganizationDecision.Reject => "OrganizationRejected",
        OrganizationDecision.Suspend => "OrganizationSuspended",
        OrganizationDecision.Reinstate => "OrganizationReinstated",
        _ => throw new ArgumentOutOfRangeException(nameof(decision)),
    };

    /// <summary>The decisions open to a reviewer for an organisation in this standing, for forms and buttons.</summary>
    public static IReadOnlyList<OrganizationDecision> Available(OrganizationStanding current) => current switch
    {
        OrganizationStanding.Pending => [OrganizationDecision.Verify, OrganizationDecision.Reject],
        OrganizationStanding.Verified => [OrganizationDecision.Suspend],
        OrganizationStanding.Suspended => [OrganizationDecision.Reinstate],
        OrganizationStanding.Rejected => [OrganizationDecision.Verify],
        _ => [],
    };
}
