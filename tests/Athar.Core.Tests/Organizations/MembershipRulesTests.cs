using Athar.Core.Organizations;

namespace Athar.Core.Tests.Organizations;

public class MembershipRulesTests
{
    [Fact]
    public void TheLastAdmin_CanBeNeitherRemovedNorDemoted()
    {
        Assert.Equal(MembershipRules.LastAdminCode, MembershipRules.CheckRemoval(targetIsAdmin: true, adminCount: 1)!.Code);
        Assert.Equal(MembershipRules.LastAdminCode, MembershipRules.CheckRoleChange(targetIsAdmin: true, becomesAdmin: false, adminCount: 1)!.Code);
    }

    [Fact]
    public void WithAnotherAdmin_OrForASupervisor_ChangesAreAllowed()
    {
        Assert.Null(MembershipRules.CheckRemoval(targetIsAdmin: true, adminCount: 2));
        Assert.Null(MembershipRules.CheckRoleChange(targetIsAdmin: true, becomesAdmin: false, adminCount: 2));
        Assert.Null(MembershipRules.CheckRemoval(targetIsAdmin: false, adminCount: 1));
        Assert.Null(MembershipRules.CheckRoleChange(targetIsAdmin: false, becomesAdmin: true, adminCount: 1));
        Assert.Null(MembershipRules.CheckRoleChange(targetIsAdmin: true, becomesAdmin: true, adminCount: 1));
    }
}
