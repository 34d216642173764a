namespace Athar.Core.Opportunities;

/// <summary>draft → published → closed → completed, or cancelled from any state before completion.</summary>
public static class OpportunityLifecycle
{
    public static bool CanMove(OpportunityStatus from, OpportunityStatus to) => (from, to) switch
    {
        (OpportunityStatus.Draft, OpportunityStatus.Published) => true,
        (OpportunityStatus.Published, OpportunityStatus.Closed) => true,
        (OpportunityStatus.Closed, OpportunityStatus.Published) => true,
        (OpportunityStatus.Published or OpportunityStatus.Closed, OpportunityStatus.Completed) => true,
        (OpportunityStatus.Draft or OpportunityStatus.Published or OpportunityStatus.Closed, OpportunityStatus.Cancelled) => true,
        _ => false,
    };

    public static bool AcceptsApplications(OpportunityStatus status) => status == OpportunityStatus.Published;

    public static bool IsEditable(OpportunityStatus status) => status is OpportunityStatus.Draft or OpportunityStatus.Published or OpportunityStatus.Closed;
}
