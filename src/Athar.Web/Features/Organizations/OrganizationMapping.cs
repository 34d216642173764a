using Athar.Core.Organizations;
using Athar.Data.Organizations;

namespace Athar.Web.Features.Organizations;

/// <summary>Core's pure enums and the stored ones share names and values (a test keeps them equal).</summary>
public static class OrganizationMapping
{
    public static OrganizationType ToStored(this OrganizationKind kind) => (OrganizationType)(int)kind;

    public static OrganizationStanding ToStanding(this OrganizationStatus status) => (OrganizationStanding)(int)status;

    public static OrganizationStatus ToStored(this OrganizationStanding standing) => (OrganizationStatus)(int)standing;
}
