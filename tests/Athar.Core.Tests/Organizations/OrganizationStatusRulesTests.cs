using Athar.Core.Organizations;

namespace Athar.Core.Tests.Organizations;

public class OrganizationStatusRulesTests
{
    [Theory]
    [InlineData(OrganizationStanding.Pending, OrganizationDecision.Verify, null, OrganizationStanding.Verified, "OrganizationVerified")]
    [InlineData(OrganizationStanding.Rejected, OrganizationDecision.Verify, null, OrganizationStanding.Verified, "OrganizationVerified")]
    [InlineData(OrganizationStanding.Pending, OrganizationDecision.Reject, "الترخيص منتهٍ", OrganizationStanding.Rejected, "OrganizationRejected")]
    [InlineData(OrganizationStanding.Verified, OrganizationDecision.Suspend, "Complaints under review", OrganizationStanding.Suspended, "OrganizationSuspended")]
    [InlineData(OrganizationStanding.Suspended, OrganizationDecision.Reinstate, null, OrganizationStanding.Verified, "OrganizationReinstated")]
    public void Decide_AllowedTransitions(OrganizationStanding from, OrganizationDecision decision, string? reason, OrganizationStanding to, string kind)
    {
        var (change, refusal) = OrganizationStatusRules.Decide(from, decision, reason);

        Assert.Null(refusal);
        Assert.Equal(to, change!.To);
        Assert.Equal(reason, change.Reason);
        Assert.Equal(kind, change.NotificationKind);
    }

    [Theory]
    [InlineData(OrganizationStanding.Verified, OrganizationDecision.Verify)]
    [InlineData(OrganizationStanding.Suspended, OrganizationDecision.Verify)]
    [InlineData(OrganizationStanding.Verified, OrganizationDecision.Reject)]
    [InlineData(OrganizationStanding.Rejected, OrganizationDecision.Reject)]
    [InlineData(OrganizationStanding.Pending, OrganizationDecision.Suspend)]
    [InlineData(OrganizationStanding.Suspended, OrganizationDecision.Suspend)]
    [InlineData(OrganizationStanding.Pending, OrganizationDecision.Reinstate)]
    [InlineData(OrganizationStanding.Verified, OrganizationDecision.Reinstate)]
    [InlineData(OrganizationStanding.Pending, (OrganizationDecision)0)]
    public void Decide_OtherTransitions_AreRefusedAsConflicts(OrganizationStanding from, OrganizationDecision decision)
    {
        var (change, refusal) = OrganizationStatusRules.Decide(from, decision, "سبب");

        Assert.Null(change);
        Assert.Equal(OrganizationStatusRules.ConflictCode, refusal!.Code);
    }

    [Theory]
    [InlineData(OrganizationStanding.Pending, OrganizationDecision.Reject, null, "Field.Required")]
    [InlineData(OrganizationStanding.Pending, OrganizationDecision.Reject, "   ", "Field.Required")]
    [InlineData(OrganizationStanding.Verified, OrganizationDecision.Suspend, null, "Field.Required")]
    [InlineData(OrganizationStanding.Verified, OrganizationDecision.Suspend, "<script>x</script>", "Text.Unsafe")]
    public void Decide_RejectAndSuspend_NeedASafeReason(OrganizationStanding from, OrganizationDecision decision, string? reason, string code)
    {
        var (change, refusal) = OrganizationStatusRules.Decide(from, decision, reason);

        Assert.Null(change);
        Assert.Equal("validation", refusal!.Code);
        Assert.Equal(("Reason", code), (refusal.Errors![0].Field, refusal.Errors[0].Code));
    }

    [Fact]
    public void Decide_ReasonOverTheLimit_IsRefused()
    {
        var (_, refusal) = OrganizationStatusRules.Decide(OrganizationStanding.Pending, OrganizationDecision.Reject, new string('x', OrganizationStatusRules.ReasonMaxLength + 1));

        Assert.Equal("Text.TooLong", refusal!.Errors![0].Code);
    }

    [Fact]
    public void Decide_Verify_ClearsAnyReason()
    {
        var (change, _) = OrganizationStatusRules.Decide(OrganizationStanding.Rejected, OrganizationDecision.Verify, "ignored");

        Assert.Null(change!.Reason);
    }

    [Fact]
    public void Available_OffersExactlyTheAllowedDecisions()
    {
        foreach (var from in Enum.GetValues<OrganizationStanding>())
        {
            var allowed = Enum.GetValues<OrganizationDecision>().Where(d => OrganizationStatusRules.Decide(from, d, "سبب").Refusal is null);
            Assert.Equal(allowed.Order(), OrganizationStatusRules.Available(from).Order());
        }
    }
}
