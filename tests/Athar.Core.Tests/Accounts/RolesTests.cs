using Athar.Core.Accounts;

namespace Athar.Core.Tests.Accounts;

public class RolesTests
{
    [Fact]
    public void All_ListsEachRoleOnce()
    {
        Assert.Equal(
            [Roles.Volunteer, Roles.OrganizationAdmin, Roles.OrganizationSupervisor, Roles.TeamLeader, Roles.RegionalSupervisor, Roles.PlatformAdmin],
            Roles.All);
        Assert.Equal(Roles.All.Count, Roles.All.Distinct(StringComparer.Ordinal).Count());
    }
}
