using Athar.Core.Opportunities;

namespace Athar.Core.Tests.Opportunities;

public class OpportunityTransitionsTests
{
    [Theory]
    [InlineData(OpportunityStatus.Draft, OpportunityStatus.Published)]
    [InlineData(OpportunityStatus.Published, OpportunityStatus.Closed)]
    [InlineData(OpportunityStatus.Closed, OpportunityStatus.Published)]
    [InlineData(OpportunityStatus.Published, OpportunityStatus.Completed)]
    [InlineData(OpportunityStatus.Closed, OpportunityStatus.Completed)]
    [InlineData(OpportunityStatus.Draft, OpportunityStatus.Cancelled)]
    [InlineData(OpportunityStatus.Published, OpportunityStatus.Cancelled)]
    [InlineData(OpportunityStatus.Closed, OpportunityStatus.Cancelled)]
    public void Check_WhenTheMoveIsInTheLifecycle_Allows(OpportunityStatus from, OpportunityStatus to) =>
        Assert.Null(OpportunityTransitions.Check(from, to, organizationVerified: true, hasUpcomingShift: true, hasUpcomingAcceptedVolunteers: false));

    [Theory]
    [InlineData(OpportunityStatus.Draft, OpportunityStatus.Closed)]
    [InlineData(OpportunityStatus.Draft, OpportunityStatus.Completed)]
    [InlineData(OpportunityStatus.Completed, OpportunityStatus.Published)]
    [InlineData(OpportunityStatus.Completed, OpportunityStatus.Cancelled)]
    [InlineData(OpportunityStatus.Cancelled, OpportunityStatus.Published)]
    [InlineData(OpportunityStatus.Cancelled, OpportunityStatus.Completed)]
    [InlineData(OpportunityStatus.Published, OpportunityStatus.Draft)]
    public void Check_WhenTheMoveIsNotInTheLifecycle_RefusesAsInvalidTransition(OpportunityStatus from, OpportunityStatus to) =>
        Assert.Equal("invalid-transition", OpportunityTransitions.Check(from, to, true, true, false)?.Code);

    [Theory]
    [InlineData(OpportunityStatus.Published)]
    [InlineData(OpportunityStatus.Cancelled)]
    [InlineData(OpportunityStatus.Completed)]
    public void Check_WhenMovingToTheCurrentStatus_AllowsSoARepeatIsHarmless(OpportunityStatus status) =>
        Assert.Null(OpportunityTransitions.Check(status, status, false, false, true));

    [Fact]
    public void Check_WhenPublishingForAnUnverifiedOrganization_Refuses() =>
        Assert.Equal("organization-not-verified", OpportunityTransitions.Check(OpportunityStatus.Draft, OpportunityStatus.Published, false, true, false)?.Code);

    [Fact]
    public void Check_WhenPublishingWithoutAShiftAhead_Refuses() =>
        Assert.Equal("no-upcoming-shift", OpportunityTransitions.Check(OpportunityStatus.Closed, OpportunityStatus.Published, true, false, false)?.Code);

    [Fact]
    public void Check_WhenCompletingWhileAcceptedVolunteersWait_Refuses() =>
        Assert.Equal("accepted-volunteers-upcoming", OpportunityTransitions.Check(OpportunityStatus.Published, OpportunityStatus.Completed, true, true, true)?.Code);

    [Fact]
    public void Check_WhenCancellingWhileAcceptedVolunteersWait_Allows() =>
        Assert.Null(OpportunityTransitions.Check(OpportunityStatus.Published, OpportunityStatus.Cancelled, false, true, true));

    [Theory]
    [InlineData(null, "Field.Required")]
    [InlineData("  ", "Field.Required")]
    [InlineData("<i>x</i>", "Text.Unsafe")]
    public void CheckCancellationReason_WhenMissingOrUnsafe_Refuses(string? reason, string code)
    {
        var (text, errors) = OpportunityTransitions.CheckCancellationReason(reason);

        Assert.Null(text);
        Assert.Equal(("Reason", code), (Assert.Single(errors).Field, errors[0].Code));
    }

    [Fact]
    public void CheckCancellationReason_WhenValid_TrimsIt() =>
        Assert.Equal("تأجيل الفعالية", OpportunityTransitions.CheckCancellationReason("  تأجيل الفعالية ").Reason);
}
